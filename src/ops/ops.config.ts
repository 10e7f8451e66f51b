import type { MfaConfig } from '../config/mfa-config';

/** The settings the ops feature reads: its slice of the configuration (provided with configSlice). */
export const OPS_CONFIG = Symbol('OPS_CONFIG');
export const OPS_CONFIG_KEYS = [
  'cleanupIntervalMinutes',
  'challengeGraceHours',
  'sendLogRetentionDays',
  'fraudEventRetentionDays',
  'cleanupBatchSize',
  'alertIntervalSeconds',
  'alertWindowMinutes',
  'alertWebhookUrl',
  'alertFailureRatePercent',
  'alertMinAttempts',
  'alertRateLimitedPerWindow',
  'alertFraudTriggersPerWindow',
  'alertDeliverySeconds',
  'dailySpendLimitUsd',
  'countryDailySpendLimitUsd',
  'providerTimeoutMs',
  'providers',
  'shutdownDrainMs',
  'opsPort',
  'opsToken',
  'production',
  'smsEnabled',
] as const;
export type OpsConfig = Pick<MfaConfig, (typeof OPS_CONFIG_KEYS)[number]>;
