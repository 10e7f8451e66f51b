"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.errorSummary = errorSummary;
const mfa_error_1 = require("./mfa-error");
function errorSummary(err) {
    if (err instanceof mfa_error_1.MfaError)
        return err.code;
    const e = (err ?? {});
    const name = typeof e.name === 'string' ? e.name : 'Error';
    const code = [e.code, e.providerCode, e.reason].find((c) => typeof c === 'string' || typeof c === 'number');
    return code === undefined ? name : `${name} (${String(code).slice(0, 64)})`;
}
//# sourceMappingURL=error-summary.js.map