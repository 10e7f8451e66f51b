import type { MfaConfig } from '../../config/mfa-config';
import { BASELINE_WINDOWS, FraudContext, FraudRule, FraudTrigger } from '../fraud-rule';

/** A burst: at least `min` recent sends, and `factor` times the average 10-minute count of the last day. */
export function isSurge(recent: number, baseline: number, config: MfaConfig): boolean {
  const perWindow = baseline / BASELINE_WINDOWS;
  return recent >= config.fraudVelocityMinSends && recent >= config.fraudVelocityFactor * Math.max(1, perWindow);
}

function surge(name: string, recent: number, baseline: number, config: MfaConfig): FraudTrigger | undefined {
  if (!isSurge(recent, baseline, config)) return undefined;
  const perWindow = (baseline / BASELINE_WINDOWS).toFixed(1);
  return { rule: name, detail: `${recent} sends in 10 min against a baseline of ${perWindow} per 10 min` };
}

/** Sudden traffic to one number range: the signature of SMS pumping. */
export const prefixVelocityRule: FraudRule = {
  name: 'prefix_velocity',
  usesStatistics: true,
  evaluate(ctx: FraudContext, config: MfaConfig) {
    return ctx.stats && surge(this.name, ctx.stats.prefixRecent + 1, ctx.stats.prefixBaseline, config);
  },
};

export const countryVelocityRule: FraudRule = {
  name: 'country_velocity',
  usesStatistics: true,
  evaluate(ctx: FraudContext, config: MfaConfig) {
    return ctx.stats && surge(this.name, ctx.stats.countryRecent + 1, ctx.stats.countryBaseline, config);
  },
};
