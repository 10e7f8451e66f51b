"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.BASELINE_WINDOWS = void 0;
exports.BASELINE_WINDOWS = (24 * 60) / 10;
//# sourceMappingURL=fraud-rule.js.map