import type { FraudConfig } from '../fraud.config';
import { BASELINE_WINDOWS, FraudContext, FraudRule, FraudTrigger, RegionStats } from '../fraud-rule';

/** A region's conversion, when enough of its codes have settled to judge; undefined before. */
export function conversionPercent(r: RegionStats, config: FraudConfig): number | undefined {
  return r.settled >= config.fraudConversionMinSends ? (r.verified / r.settled) * 100 : undefined;
}

/**
 * A burst to a region that does not convert. The burst is measured in
 * distinct requesters (a few accounts cannot make one), against the region's
 * own baseline; a burst whose codes are being used is a surge of real people
 * (a displacement event) and passes. Until the region's baseline is warm
 * (SMS_FRAUD_WARMUP_SENDS in the last day) it only monitors.
 */
function burst(name: string, r: RegionStats, config: FraudConfig): FraudTrigger | undefined {
  const recent = r.recentRequesters + 1;
  const perWindow = r.baselineRequesters / BASELINE_WINDOWS;
  if (recent < config.fraudVelocityMinSends || recent < config.fraudVelocityFactor * Math.max(1, perWindow))
    return undefined;
  const conversion = conversionPercent(r, config);
  if (conversion !== undefined && conversion >= config.fraudMinConversionPercent) return undefined;
  const converts =
    conversion === undefined ? 'conversion not yet known' : `${conversion.toFixed(1)}% of its codes used`;
  return {
    rule: name,
    detail: `${recent} requesters in 10 min against a baseline of ${perWindow.toFixed(1)} per 10 min; ${converts}`,
    coldStart: r.baselineSends < config.fraudWarmupSends || conversion === undefined,
  };
}

/** Sudden traffic to one number range that nobody verifies: the signature of SMS pumping. */
export const prefixVelocityRule: FraudRule = {
  name: 'prefix_velocity',
  usesStatistics: true,
  scope: 'region',
  evaluate(ctx: FraudContext, config: FraudConfig) {
    return ctx.stats && burst(this.name, ctx.stats.prefix, config);
  },
};

export const countryVelocityRule: FraudRule = {
  name: 'country_velocity',
  usesStatistics: true,
  scope: 'region',
  evaluate(ctx: FraudContext, config: FraudConfig) {
    return ctx.stats && burst(this.name, ctx.stats.country, config);
  },
};
