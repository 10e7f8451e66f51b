import type { MfaConfig } from '../config/mfa-config';
export declare const FRAUD_CONFIG: unique symbol;
export declare const FRAUD_CONFIG_KEYS: readonly ["fraudMode", "fraudDisabledRules", "fraudMaxNumbersPerUser", "fraudMaxNumbersPerIp", "fraudVelocityFactor", "fraudVelocityMinSends", "fraudMinConversionPercent", "fraudConversionMinSends", "fraudMinAccounts", "fraudWarmupSends", "fraudConversionSettleMinutes", "nodeEnv", "mockSmsEnabled", "twilioEnabled", "awsSnsEnabled", "awsEumEnabled", "testNumbers"];
export type FraudConfig = Pick<MfaConfig, (typeof FRAUD_CONFIG_KEYS)[number]>;
