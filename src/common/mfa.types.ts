/** The user as the host knows them. */
export interface MfaUser {
  id: string;
  /**
   * The host's session (login) this request belongs to. Second-factor proofs
   * raise this session to aal2; without it nothing is remembered (always aal1).
   */
  sessionId?: string;
  phoneNumber?: string;
  locale?: string;
}

/** Where a request came from; every field optional. */
export interface RequestContext {
  ip?: string;
  userAgent?: string;
  locale?: string;
  /** The answer to the host's friction step (a CAPTCHA token…), when the client was asked for one. */
  frictionProof?: string;
}

export interface SmsChallengeResult {
  challengeId: string;
  /** How the code went: the channel asked for, or voice after a fallback. */
  channel: 'sms' | 'voice' | 'whatsapp';
  maskedPhone: string;
  expiresAt: Date;
  resendAvailableAt: Date;
}

export interface SmsEnrollmentResult extends SmsChallengeResult {
  factorId: string;
}

export interface FactorView {
  id: string;
  type: 'totp' | 'sms' | 'recovery_codes';
  maskedPhone?: string;
  /** sms and totp factors: whether possession was proven. */
  verified?: boolean;
  /** recovery_codes: unused codes left. */
  remaining?: number;
  createdAt: Date;
  lastUsedAt?: Date | null;
}
