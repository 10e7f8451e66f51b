import type { MfaConfig } from '../config/mfa-config';
export declare const CHALLENGES_CONFIG: unique symbol;
export declare const CHALLENGES_CONFIG_KEYS: readonly ["codeLength", "codeSecret", "codeValidityMinutes", "maxAttempts", "verifyFailureThreshold", "verifyFailureHardLimit", "cooldownMinutes", "hourlyLimit", "dailyLimit", "ipHourlyLimit", "progressiveCooldown", "cooldownMaxMinutes", "enrollNumberHourlyLimit", "enrollNumberDailyLimit", "enrollNumberTotalHourlyLimit", "enrollNumberTotalDailyLimit"];
export type ChallengesConfig = Pick<MfaConfig, (typeof CHALLENGES_CONFIG_KEYS)[number]>;
