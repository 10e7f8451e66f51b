import type { MfaConfig } from '../config/mfa-config';
export declare const ASSURANCE_CONFIG: unique symbol;
export declare const ASSURANCE_CONFIG_KEYS: readonly ["assuranceMaxAgeMinutes", "stepUpMaxAgeMinutes", "adminRequiresMfa"];
export type AssuranceConfig = Pick<MfaConfig, (typeof ASSURANCE_CONFIG_KEYS)[number]>;
