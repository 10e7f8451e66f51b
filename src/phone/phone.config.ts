import type { MfaConfig } from '../config/mfa-config';

/** The settings the phone feature reads: its slice of the configuration (provided with configSlice). */
export const PHONE_CONFIG = Symbol('PHONE_CONFIG');
export const PHONE_CONFIG_KEYS = ['allowedCountries', 'blockedCountries'] as const;
export type PhoneConfig = Pick<MfaConfig, (typeof PHONE_CONFIG_KEYS)[number]>;
