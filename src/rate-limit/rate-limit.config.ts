import { bool, int, url } from '../config/env-rules';
import type { CoreSettings } from '../config/core.settings';
import { defineSettings } from '../config/settings';

/** How often anyone may send, verify and call: the send limits, the failure runs and the HTTP throttle. */
export interface RateLimitSettings {
  redisUrl?: string;
  httpThrottlePerMinute: number;
  cooldownMinutes: number;
  dailyLimit: number;
  hourlyLimit: number;
  ipHourlyLimit: number;
  /** Each further send inside the daily window doubles the user's cooldown, up to cooldownMaxMinutes. */
  progressiveCooldown: boolean;
  cooldownMaxMinutes: number;
  /** Sends to a number its requester has not verified (enrolment), per requester (client address, else account): per rolling hour / 24 h. */
  enrollNumberHourlyLimit: number;
  enrollNumberDailyLimit: number;
  /** The ceiling of enrolment sends to one number across all requesters: per rolling hour / 24 h. */
  enrollNumberTotalHourlyLimit: number;
  enrollNumberTotalDailyLimit: number;
  /** Consecutive wrong codes (across challenges) before verification waits grow. */
  verifyFailureThreshold: number;
  /** Consecutive wrong codes at which SMS verification stops until another factor or an admin resets it. */
  verifyFailureHardLimit: number;
}

const count = () => int(1, 1_000_000);

export const RATE_LIMIT_SETTINGS = defineSettings<RateLimitSettings, CoreSettings>({
  title: 'Limits',
  fields: {
    redisUrl: { env: 'REDIS_URL', rule: url(['redis', 'rediss']), secret: true, doc: 'optional shared store for HTTP throttling' },
    httpThrottlePerMinute: {
      env: 'HTTP_THROTTLE_PER_MINUTE',
      rule: int(1, 10_000_000),
      default: 60,
      doc: 'requests per client IP per minute to the MFA routes',
    },
    cooldownMinutes: {
      env: 'SMS_COOLDOWN_MINUTES',
      rule: int(0, 1440),
      default: 1,
      doc: 'minimum gap between two sends to one user or number; 0 = off',
    },
    dailyLimit: { env: 'SMS_DAILY_LIMIT', rule: count(), default: 10, doc: 'sends per user and per number per rolling 24 h' },
    hourlyLimit: { env: 'SMS_HOURLY_LIMIT', rule: count(), default: 5, doc: 'sends per user and per number per rolling hour' },
    ipHourlyLimit: { env: 'SMS_IP_HOURLY_LIMIT', rule: count(), default: 20, doc: 'sends requested from one client IP per rolling hour' },
    progressiveCooldown: {
      env: 'SMS_PROGRESSIVE_COOLDOWN',
      rule: bool(),
      default: true,
      doc: "each further send in the day doubles the user's cooldown, up to `SMS_COOLDOWN_MAX_MINUTES`",
    },
    cooldownMaxMinutes: { env: 'SMS_COOLDOWN_MAX_MINUTES', rule: int(1, 1440), default: 60, doc: 'the cap of the progressive cooldown' },
    enrollNumberHourlyLimit: {
      env: 'SMS_ENROLL_NUMBER_HOURLY_LIMIT',
      rule: count(),
      default: 3,
      doc: 'enrolment sends (to a number its requester has not verified) per number and requester (its client address, else its account), per rolling hour: a stranger spends only its own share',
    },
    enrollNumberDailyLimit: {
      env: 'SMS_ENROLL_NUMBER_DAILY_LIMIT',
      rule: count(),
      default: 5,
      doc: 'the same share per rolling 24 h',
    },
    enrollNumberTotalHourlyLimit: {
      env: 'SMS_ENROLL_NUMBER_TOTAL_HOURLY_LIMIT',
      rule: count(),
      default: (c) => Math.max(10, c.enrollNumberHourlyLimit ?? 0),
      defaultDoc: '`10`, or the share when larger',
      doc: 'the ceiling of enrolment sends to one number across all requesters, per rolling hour (`enroll_phone_total_*`)',
    },
    enrollNumberTotalDailyLimit: {
      env: 'SMS_ENROLL_NUMBER_TOTAL_DAILY_LIMIT',
      rule: count(),
      default: (c) => Math.max(20, c.enrollNumberDailyLimit ?? 0),
      defaultDoc: '`20`, or the share when larger',
      doc: 'the same ceiling per rolling 24 h',
    },
    verifyFailureThreshold: {
      env: 'SMS_VERIFY_FAILURE_THRESHOLD',
      rule: int(1, 1000),
      default: 10,
      doc: 'consecutive wrong SMS codes (across codes) before waits start',
    },
    verifyFailureHardLimit: {
      env: 'SMS_VERIFY_FAILURE_HARD_LIMIT',
      rule: int(2, 100_000),
      default: 100,
      doc: 'consecutive wrong SMS codes at which SMS verification stops until another factor or an admin resets it',
    },
  },
  check(c, problems) {
    if ((c.verifyFailureHardLimit ?? 0) <= (c.verifyFailureThreshold ?? 0))
      problems.push('SMS_VERIFY_FAILURE_HARD_LIMIT must be greater than SMS_VERIFY_FAILURE_THRESHOLD');
  },
});

/** The settings the rate-limit feature reads: its slice of the configuration (provided with configSlice). */
export const RATE_LIMIT_CONFIG = Symbol('RATE_LIMIT_CONFIG');
export const RATE_LIMIT_CONFIG_KEYS = ['ipv6SubnetPrefix', 'httpThrottlePerMinute', 'redisUrl'] as const;
export type RateLimitConfig = Pick<RateLimitSettings & CoreSettings, (typeof RATE_LIMIT_CONFIG_KEYS)[number]>;
