import { HttpException } from '@nestjs/common';
export declare const MFA_ERROR_STATUS: {
    readonly VALIDATION_FAILED: 400;
    readonly INVALID_PHONE: 400;
    readonly CHANNEL_NOT_AVAILABLE: 400;
    readonly NO_ACTIVE_CHALLENGE: 400;
    readonly CODE_INVALID: 400;
    readonly CODE_EXPIRED: 400;
    readonly TOO_MANY_ATTEMPTS: 400;
    readonly UNAUTHENTICATED: 401;
    readonly FORBIDDEN: 403;
    readonly COUNTRY_NOT_ALLOWED: 403;
    readonly SUSPICIOUS_NUMBER: 403;
    readonly PHONE_OPTED_OUT: 403;
    readonly PHONE_NOT_VERIFIED: 403;
    readonly STEP_UP_REQUIRED: 403;
    readonly MFA_REQUIRED: 403;
    readonly LAST_FACTOR: 409;
    readonly NOT_FOUND: 404;
    readonly PAYLOAD_TOO_LARGE: 413;
    readonly COOLDOWN: 429;
    readonly RATE_LIMITED: 429;
    readonly SMS_DISABLED: 503;
    readonly PROVIDERS_UNAVAILABLE: 503;
    readonly SPEND_LIMIT_REACHED: 503;
    readonly SERVICE_UNAVAILABLE: 503;
};
export type MfaErrorCode = keyof typeof MFA_ERROR_STATUS;
export interface MfaErrorDetails {
    attemptsRemaining?: number;
    retryAfterSeconds?: number;
    limit?: string;
    methods?: string[];
}
export declare class MfaError extends HttpException {
    readonly code: MfaErrorCode;
    readonly details: MfaErrorDetails;
    constructor(code: MfaErrorCode, message?: string, details?: MfaErrorDetails);
}
