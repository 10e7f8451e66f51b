"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.MfaUserResolver = void 0;
exports.MfaUserResolver = Symbol('MfaUserResolver');
//# sourceMappingURL=user-resolver.js.map