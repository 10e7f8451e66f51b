import type { MfaConfig } from '../config/mfa-config';
export declare const PHONE_CONFIG: unique symbol;
export declare const PHONE_CONFIG_KEYS: readonly ["allowedCountries", "blockedCountries"];
export type PhoneConfig = Pick<MfaConfig, (typeof PHONE_CONFIG_KEYS)[number]>;
