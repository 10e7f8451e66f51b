import type { MfaConfig } from '../config/mfa-config';

/** The settings the mfa feature reads: its slice of the configuration (provided with configSlice). */
export const MFA_FACTORS_CONFIG = Symbol('MFA_FACTORS_CONFIG');
export const MFA_FACTORS_CONFIG_KEYS = [
  'appName',
  'encryptionKey',
  'previousEncryptionKeys',
  'totpFailureThreshold',
  'totpFailureHardLimit',
  'codeSecret',
  'verifyFailureThreshold',
  'verifyFailureHardLimit',
  'allowRemovingLastFactor',
  'smsEnabled',
  'ipv6SubnetPrefix',
  'voiceFixedLineCountries',
  'allowNonGeographic',
] as const;
export type MfaFactorsConfig = Pick<MfaConfig, (typeof MFA_FACTORS_CONFIG_KEYS)[number]>;
