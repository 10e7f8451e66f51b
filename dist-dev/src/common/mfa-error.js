"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.MfaError = exports.MFA_ERROR_STATUS = void 0;
const common_1 = require("@nestjs/common");
exports.MFA_ERROR_STATUS = {
    VALIDATION_FAILED: 400,
    INVALID_PHONE: 400,
    CHANNEL_NOT_AVAILABLE: 400,
    NO_ACTIVE_CHALLENGE: 400,
    CODE_INVALID: 400,
    CODE_EXPIRED: 400,
    TOO_MANY_ATTEMPTS: 400,
    UNAUTHENTICATED: 401,
    FORBIDDEN: 403,
    COUNTRY_NOT_ALLOWED: 403,
    SUSPICIOUS_NUMBER: 403,
    PHONE_OPTED_OUT: 403,
    PHONE_NOT_VERIFIED: 403,
    STEP_UP_REQUIRED: 403,
    MFA_REQUIRED: 403,
    LAST_FACTOR: 409,
    NOT_FOUND: 404,
    PAYLOAD_TOO_LARGE: 413,
    COOLDOWN: 429,
    RATE_LIMITED: 429,
    SMS_DISABLED: 503,
    PROVIDERS_UNAVAILABLE: 503,
    SPEND_LIMIT_REACHED: 503,
    SERVICE_UNAVAILABLE: 503,
};
const DEFAULT_MESSAGES = {
    VALIDATION_FAILED: 'The request body is malformed.',
    INVALID_PHONE: 'The phone number is not a valid mobile number.',
    CHANNEL_NOT_AVAILABLE: 'This delivery channel is not available for this number.',
    NO_ACTIVE_CHALLENGE: 'There is no active code: request a new one.',
    CODE_INVALID: 'The code is not correct.',
    CODE_EXPIRED: 'The code has expired: request a new one.',
    TOO_MANY_ATTEMPTS: 'Too many wrong codes: request a new one.',
    UNAUTHENTICATED: 'Authentication is required.',
    FORBIDDEN: 'You are not allowed to do this.',
    COUNTRY_NOT_ALLOWED: 'SMS to this country is not allowed.',
    SUSPICIOUS_NUMBER: 'SMS to this number is refused.',
    PHONE_OPTED_OUT: 'This number has opted out of SMS (send START to opt in).',
    PHONE_NOT_VERIFIED: 'This number is not a verified SMS factor of the user.',
    STEP_UP_REQUIRED: 'Verify a second factor in this session first.',
    MFA_REQUIRED: 'This session must verify a second factor first.',
    LAST_FACTOR: 'This is the last second factor and cannot be removed.',
    NOT_FOUND: 'Not found.',
    PAYLOAD_TOO_LARGE: 'The request body is too large.',
    COOLDOWN: 'Please wait before requesting another code.',
    RATE_LIMITED: 'Too many requests: try again later.',
    SMS_DISABLED: 'SMS verification is disabled.',
    PROVIDERS_UNAVAILABLE: 'No SMS provider could take the message: try again later.',
    SPEND_LIMIT_REACHED: "Today's SMS spending limit is reached: try again tomorrow (UTC).",
    SERVICE_UNAVAILABLE: 'The service is briefly unavailable: try again shortly.',
};
class MfaError extends common_1.HttpException {
    code;
    details;
    constructor(code, message, details = {}) {
        const text = message ?? DEFAULT_MESSAGES[code];
        super({ statusCode: exports.MFA_ERROR_STATUS[code], code, message: text, ...details }, exports.MFA_ERROR_STATUS[code]);
        this.code = code;
        this.details = details;
        this.message = text;
        this.name = 'MfaError';
    }
}
exports.MfaError = MfaError;
//# sourceMappingURL=mfa-error.js.map