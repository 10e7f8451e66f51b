import { EventEmitter2 } from '@nestjs/event-emitter';
export declare const MfaEvent: {
    readonly SmsSent: "mfa.sms.sent";
    readonly SmsVerified: "mfa.sms.verified";
    readonly SmsFailed: "mfa.sms.failed";
    readonly SmsFallback: "mfa.sms.fallback";
    readonly TotpVerified: "mfa.totp.verified";
    readonly TotpFailed: "mfa.totp.failed";
    readonly RecoveryCodeVerified: "mfa.recovery_code.verified";
    readonly RecoveryCodeFailed: "mfa.recovery_code.failed";
    readonly AssuranceRaised: "mfa.assurance.raised";
};
type MfaEventName = (typeof MfaEvent)[keyof typeof MfaEvent];
export interface MfaEventPayload {
    userId: string;
    factorId?: string;
    challengeId?: string;
    maskedPhone?: string;
    provider?: string;
    channel?: string;
    previousChallengeId?: string;
    reason?: string;
    purpose?: 'enroll' | 'login';
    ip?: string;
    sessionId?: string;
    method?: string;
    at: Date;
}
export declare class MfaEvents {
    private readonly emitter;
    constructor(emitter: EventEmitter2);
    emit(name: MfaEventName, payload: MfaEventPayload): void;
    refused(name: MfaEventName, err: unknown, payload: Omit<MfaEventPayload, 'reason'>): void;
}
export declare class MfaEventsModule {
}
export {};
