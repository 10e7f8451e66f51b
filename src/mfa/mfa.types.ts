/** The user as the host knows them. */
export interface MfaUser {
  id: string;
  phoneNumber?: string;
  locale?: string;
}

/** Where a request came from; every field optional. */
export interface RequestContext {
  ip?: string;
  userAgent?: string;
  locale?: string;
}

export interface SmsChallengeResult {
  challengeId: string;
  maskedPhone: string;
  expiresAt: Date;
  resendAvailableAt: Date;
}

export interface SmsEnrollmentResult extends SmsChallengeResult {
  factorId: string;
}

export interface FactorView {
  id: string;
  type: 'totp' | 'sms';
  maskedPhone?: string;
  verified: boolean;
  createdAt: Date;
  lastUsedAt: Date | null;
}
