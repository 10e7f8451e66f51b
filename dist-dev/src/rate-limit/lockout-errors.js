"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.guessRefused = guessRefused;
const mfa_error_1 = require("../common/mfa-error");
function guessRefused(limit, run, hardLimit, now) {
    if (run.failures >= hardLimit) {
        return new mfa_error_1.MfaError('RATE_LIMITED', 'Too many wrong codes: verify with another factor or contact support.', { limit });
    }
    return (waitingError(limit, run.lockedUntil, now) ??
        new mfa_error_1.MfaError('RATE_LIMITED', 'Too many wrong codes: wait before trying again.', { limit, retryAfterSeconds: 30 }));
}
function waitingError(limit, lockedUntil, now) {
    if (!lockedUntil || lockedUntil <= now)
        return undefined;
    return new mfa_error_1.MfaError('RATE_LIMITED', 'Too many wrong codes: wait before trying again.', {
        limit,
        retryAfterSeconds: Math.ceil((lockedUntil.getTime() - now.getTime()) / 1000),
    });
}
//# sourceMappingURL=lockout-errors.js.map