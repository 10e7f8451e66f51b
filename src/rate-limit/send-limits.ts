import type { MfaConfig } from '../config/mfa-config';

/** What one send counts against: its user, its number, and the client IP when known. */
export interface SendSubjects {
  userId: string;
  phoneE164: string;
  clientIp?: string;
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
 * The send-limit policy (README, Limits and abuse defence): cooldown per user (progressive) and
 * per number; hourly and daily per user and per number; hourly per IP.
 */
export function sendSlotRequest(config: MfaConfig, s: SendSubjects): SendSlotRequest {
  const cooldown = config.cooldownMinutes * 60;
  const request: SendSlotRequest = {
    subjects: [`user:${s.userId}`, `phone:${s.phoneE164}`],
    names: ['user', 'phone'],
    hourly: [config.hourlyLimit, config.hourlyLimit],
    daily: [config.dailyLimit, config.dailyLimit],
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
