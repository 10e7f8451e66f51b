import type { MfaConfig } from '../config/mfa-config';

/** The settings the challenges feature reads: its slice of the configuration (provided with configSlice). */
export const CHALLENGES_CONFIG = Symbol('CHALLENGES_CONFIG');
export const CHALLENGES_CONFIG_KEYS = [
  'codeLength',
  'codeSecret',
  'codeValidityMinutes',
  'maxAttempts',
  'verifyFailureThreshold',
  'verifyFailureHardLimit',
  'cooldownMinutes',
  'hourlyLimit',
  'dailyLimit',
  'ipHourlyLimit',
  'progressiveCooldown',
  'cooldownMaxMinutes',
  'enrollNumberHourlyLimit',
  'enrollNumberDailyLimit',
  'enrollNumberTotalHourlyLimit',
  'enrollNumberTotalDailyLimit',
] as const;
export type ChallengesConfig = Pick<MfaConfig, (typeof CHALLENGES_CONFIG_KEYS)[number]>;
