import type { MfaConfig } from '../config/mfa-config';
export interface SendSubjects {
    userId: string;
    phoneE164: string;
    clientIp?: string;
    purpose: 'enroll' | 'login';
}
export interface SendSlotRequest {
    subjects: string[];
    names: string[];
    hourly: number[];
    daily: number[];
    cooldownSeconds: number[];
    progressive: boolean[];
    cooldownCapSeconds: number;
}
export type SendLimitSettings = Pick<MfaConfig, 'cooldownMinutes' | 'hourlyLimit' | 'dailyLimit' | 'ipHourlyLimit' | 'progressiveCooldown' | 'cooldownMaxMinutes' | 'enrollNumberHourlyLimit' | 'enrollNumberDailyLimit' | 'enrollNumberTotalHourlyLimit' | 'enrollNumberTotalDailyLimit'>;
export declare function sendSlotRequest(config: SendLimitSettings, s: SendSubjects): SendSlotRequest;
export interface SlotRefusal {
    limit: string;
    retryAfterSeconds: number;
}
export declare function isCooldown(refusal: SlotRefusal): boolean;
