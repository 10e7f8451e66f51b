import type { MfaConfig } from '../config/mfa-config';

/** What one send counts against: its user, its number, and the client (key) when known. */
export interface SendSubjects {
  userId: string;
  phoneE164: string;
  clientIp?: string;
  /**
   * `enroll`: a send to a number its requester has not verified. It counts on
   * the number's enrolment bucket (across all users), never on the bucket of
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
  MfaConfig,
  | 'cooldownMinutes'
  | 'hourlyLimit'
  | 'dailyLimit'
  | 'ipHourlyLimit'
  | 'progressiveCooldown'
  | 'cooldownMaxMinutes'
  | 'enrollNumberHourlyLimit'
  | 'enrollNumberDailyLimit'
>;

export function sendSlotRequest(config: SendLimitSettings, s: SendSubjects): SendSlotRequest {
  const cooldown = config.cooldownMinutes * 60;
  const enrol = s.purpose === 'enroll';
  const request: SendSlotRequest = {
    subjects: [`user:${s.userId}`, enrol ? `enroll:${s.phoneE164}` : `phone:${s.phoneE164}`],
    names: ['user', enrol ? 'enroll_phone' : 'phone'],
    hourly: [config.hourlyLimit, enrol ? config.enrollNumberHourlyLimit : config.hourlyLimit],
    daily: [config.dailyLimit, enrol ? config.enrollNumberDailyLimit : config.dailyLimit],
    cooldownSeconds: [cooldown, cooldown],
    progressive: [config.progressiveCooldown, false],
    cooldownCapSeconds: Math.max(cooldown, config.cooldownMaxMinutes * 60),
  };
  if (s.clientIp) {
    request.subjects.push(`ip:${s.clientIp}`);
    request.names.push('ip');
    request.hourly.push(config.ipHourlyLimit);
    request.daily.push(UNLIMITED);
    request.cooldownSeconds.push(0);
    request.progressive.push(false);
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
