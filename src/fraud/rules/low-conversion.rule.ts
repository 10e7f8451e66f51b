import type { MfaConfig } from '../../config/mfa-config';
import type { FraudContext, FraudRule } from '../fraud-rule';

/** Codes sent to a range and never used: real people type their codes, pumping bots do not. */
export const lowConversionRule: FraudRule = {
  name: 'low_conversion',
  usesStatistics: true,
  evaluate(ctx: FraudContext, config: MfaConfig) {
    if (!ctx.stats || ctx.stats.prefixSettled < config.fraudConversionMinSends) return undefined;
    const percent = (ctx.stats.prefixVerified / ctx.stats.prefixSettled) * 100;
    return percent < config.fraudMinConversionPercent
      ? {
          rule: this.name,
          detail: `${percent.toFixed(1)}% of ${ctx.stats.prefixSettled} codes to this range were used (min ${config.fraudMinConversionPercent}%)`,
        }
      : undefined;
  },
};
