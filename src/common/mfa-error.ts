import { HttpException } from '@nestjs/common';

/**
 * The one error type of the module. Domain code throws `MfaError(code)`; the
 * HTTP filter maps the code to a status and the README's error body. Codes are stable API.
 */
export const MFA_ERROR_STATUS = {
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
  FRICTION_REQUIRED: 403,
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
} as const;

export type MfaErrorCode = keyof typeof MFA_ERROR_STATUS;

/** Extra, documented fields of an error body. Never a code or a full number. */
export interface MfaErrorDetails {
  attemptsRemaining?: number;
  retryAfterSeconds?: number;
  limit?: string;
  /** STEP_UP_REQUIRED and MFA_REQUIRED: the second-factor methods the user can verify with. */
  methods?: string[];
}

const DEFAULT_MESSAGES: Record<MfaErrorCode, string> = {
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
  FRICTION_REQUIRED: 'Complete the verification step, then send the request again with frictionProof.',
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

/**
 * An HttpException whose body is already the module's error shape, so that a
 * host route (e.g. one guarded by @RequireMfa) answers correctly under Nest's
 * own exception filter too; MfaExceptionFilter adds Retry-After.
 */
export class MfaError extends HttpException {
  constructor(
    readonly code: MfaErrorCode,
    message?: string,
    readonly details: MfaErrorDetails = {},
  ) {
    const text = message ?? DEFAULT_MESSAGES[code];
    super({ statusCode: MFA_ERROR_STATUS[code], code, message: text, ...details }, MFA_ERROR_STATUS[code]);
    this.message = text;
    this.name = 'MfaError';
  }
}
