import type { MfaConfig } from '../config/mfa-config';
export declare const MFA_FACTORS_CONFIG: unique symbol;
export declare const MFA_FACTORS_CONFIG_KEYS: readonly ["appName", "encryptionKey", "previousEncryptionKeys", "totpFailureThreshold", "totpFailureHardLimit", "codeSecret", "verifyFailureThreshold", "verifyFailureHardLimit", "allowRemovingLastFactor", "smsEnabled", "ipv6SubnetPrefix", "voiceFixedLineCountries", "allowNonGeographic"];
export type MfaFactorsConfig = Pick<MfaConfig, (typeof MFA_FACTORS_CONFIG_KEYS)[number]>;
