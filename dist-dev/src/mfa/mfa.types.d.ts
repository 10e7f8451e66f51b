export interface MfaUser {
    id: string;
    sessionId?: string;
    phoneNumber?: string;
    locale?: string;
}
export interface RequestContext {
    ip?: string;
    userAgent?: string;
    locale?: string;
}
export interface SmsChallengeResult {
    challengeId: string;
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
    verified?: boolean;
    remaining?: number;
    createdAt: Date;
    lastUsedAt?: Date | null;
}
