import type { MfaConfig } from '../config/mfa-config';

/** The settings the assurance feature reads: its slice of the configuration (provided with configSlice). */
export const ASSURANCE_CONFIG = Symbol('ASSURANCE_CONFIG');
export const ASSURANCE_CONFIG_KEYS = ['assuranceMaxAgeMinutes', 'stepUpMaxAgeMinutes', 'adminRequiresMfa'] as const;
export type AssuranceConfig = Pick<MfaConfig, (typeof ASSURANCE_CONFIG_KEYS)[number]>;
