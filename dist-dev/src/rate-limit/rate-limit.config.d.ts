import type { MfaConfig } from '../config/mfa-config';
export declare const RATE_LIMIT_CONFIG: unique symbol;
export declare const RATE_LIMIT_CONFIG_KEYS: readonly ["ipv6SubnetPrefix", "httpThrottlePerMinute", "redisUrl"];
export type RateLimitConfig = Pick<MfaConfig, (typeof RATE_LIMIT_CONFIG_KEYS)[number]>;
