import type { MfaConfig } from '../config/mfa-config';

/** The settings the fraud feature reads: its slice of the configuration (provided with configSlice). */
export const FRAUD_CONFIG = Symbol('FRAUD_CONFIG');
export const FRAUD_CONFIG_KEYS = [
  'fraudMode',
  'fraudDisabledRules',
  'fraudMaxNumbersPerUser',
  'fraudMaxNumbersPerIp',
  'fraudVelocityFactor',
  'fraudVelocityMinSends',
  'fraudMinConversionPercent',
  'fraudConversionMinSends',
  'fraudMinAccounts',
  'fraudWarmupSends',
  'fraudConversionSettleMinutes',
  'nodeEnv',
  'mockSmsEnabled',
  'twilioEnabled',
  'awsSnsEnabled',
  'awsEumEnabled',
  'testNumbers',
] as const;
export type FraudConfig = Pick<MfaConfig, (typeof FRAUD_CONFIG_KEYS)[number]>;
