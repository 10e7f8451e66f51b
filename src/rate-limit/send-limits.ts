import type { RateLimitSettings } from './rate-limit.config';

/** What one send counts against: its user, its number, and the client (key) when known. */
export interface SendSubjects {
  userId: string;
  phoneE164: string;
  clientIp?: string;
  /**
   * `enroll`: a send to a number its requester has not verified. It counts on
   * the requester's own share of the number's enrolment bucket, and on the
   * number's enrolment ceiling across all requesters; never on the bucket of
   * the number's verified owners, so strangers cannot lock an owner out.
   */
  purpose: 'enroll' | 'login';
}

/** The arguments of `mfa_take_send_slot`: one entry per subject. */
export interface SendSlotRequest {
  subjects: string[];
  names: string[];
  hourly: number[];
  daily: number[];
  cooldownSeconds: number[];
  progressive: boolean[];
  cooldownCapSeconds: number;
}

/** Not limited in practice (the IP has no daily limit of its own). */
const UNLIMITED = 2_000_000_000;

/**
 * The send-limit policy (README, Limits and abuse defence): cooldown per user
 * (progressive) and per number; hourly and daily per user, per number (its
 * owners' sends and enrolment sends in two buckets); hourly per client.
 */
/** The settings of the send limits. */
export type SendLimitSettings = Pick<
  RateLimitSettings,
  | 'cooldownMinutes'
  | 'hourlyLimit'
  | 'dailyLimit'
  | 'ipHourlyLimit'
  | 'progressiveCooldown'
  | 'cooldownMaxMinutes'
  | 'enrollNumberHourlyLimit'
  | 'enrollNumberDailyLimit'
  | 'enrollNumberTotalHourlyLimit'
  | 'enrollNumberTotalDailyLimit'
>;

export function sendSlotRequest(config: SendLimitSettings, s: SendSubjects): SendSlotRequest {
  const cooldown = config.cooldownMinutes * 60;
  const request: SendSlotRequest = {
    subjects: [`user:${s.userId}`],
    names: ['user'],
    hourly: [config.hourlyLimit],
    daily: [config.dailyLimit],
    cooldownSeconds: [cooldown],
    progressive: [config.progressiveCooldown],
    cooldownCapSeconds: Math.max(cooldown, config.cooldownMaxMinutes * 60),
  };
  const add = (subject: string, name: string, hourly: number, daily: number, cooldownSeconds: number) => {
    request.subjects.push(subject);
    request.names.push(name);
    request.hourly.push(hourly);
    request.daily.push(daily);
    request.cooldownSeconds.push(cooldownSeconds);
    request.progressive.push(false);
  };
  if (s.purpose === 'login') {
    add(`phone:${s.phoneE164}`, 'phone', config.hourlyLimit, config.dailyLimit, cooldown);
  } else {
    // The requester (its client address, else its account) spends only its own share of the number's
    // enrolment sends; the ceiling bounds what all requesters together send to one number.
    const requester = s.clientIp ? `ip:${s.clientIp}` : `user:${s.userId}`;
    add(`enroll:${s.phoneE164}:${requester}`, 'enroll_phone', config.enrollNumberHourlyLimit, config.enrollNumberDailyLimit, cooldown);
    add(`enroll:${s.phoneE164}`, 'enroll_phone_total', config.enrollNumberTotalHourlyLimit, config.enrollNumberTotalDailyLimit, 0);
  }
  if (s.clientIp) {
    add(`ip:${s.clientIp}`, 'ip', config.ipHourlyLimit, UNLIMITED, 0);
  }
  return request;
}

/** A refusal from the store: `user_cooldown`, `phone_daily`, `ip_hourly`, … */
export interface SlotRefusal {
  limit: string;
  retryAfterSeconds: number;
}

export function isCooldown(refusal: SlotRefusal): boolean {
  return refusal.limit.endsWith('_cooldown');
}
