import type { MfaConfig } from '../config/mfa-config';

/** The settings the rate-limit feature reads: its slice of the configuration (provided with configSlice). */
export const RATE_LIMIT_CONFIG = Symbol('RATE_LIMIT_CONFIG');
export const RATE_LIMIT_CONFIG_KEYS = ['ipv6SubnetPrefix', 'httpThrottlePerMinute', 'redisUrl'] as const;
export type RateLimitConfig = Pick<MfaConfig, (typeof RATE_LIMIT_CONFIG_KEYS)[number]>;
