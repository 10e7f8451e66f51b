import type { MfaConfig } from '../config/mfa-config';
export declare const OPS_CONFIG: unique symbol;
export declare const OPS_CONFIG_KEYS: readonly ["cleanupIntervalMinutes", "challengeGraceHours", "sendLogRetentionDays", "fraudEventRetentionDays", "cleanupBatchSize", "alertIntervalSeconds", "alertWindowMinutes", "alertWebhookUrl", "alertFailureRatePercent", "alertMinAttempts", "alertRateLimitedPerWindow", "alertFraudTriggersPerWindow", "alertDeliverySeconds", "dailySpendLimitUsd", "countryDailySpendLimitUsd", "providerTimeoutMs", "providers", "shutdownDrainMs", "opsPort", "opsToken", "production", "smsEnabled"];
export type OpsConfig = Pick<MfaConfig, (typeof OPS_CONFIG_KEYS)[number]>;
