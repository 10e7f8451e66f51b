"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
//# sourceMappingURL=mfa.types.js.map