import type { FraudConfig } from '../fraud.config';
import type { FraudContext, FraudRule } from '../fraud-rule';
import { conversionPercent } from './velocity.rule';

/**
 * Codes sent to a range and never used: real people type their codes, pumping
 * bots do not. Judged once enough codes have settled, and only when they came
 * from enough distinct requesters (SMS_FRAUD_MIN_ACCOUNTS): a few accounts
 * cannot poison a range for everyone else.
 */
export const lowConversionRule: FraudRule = {
  name: 'low_conversion',
  usesStatistics: true,
  scope: 'region',
  evaluate(ctx: FraudContext, config: FraudConfig) {
    const prefix = ctx.stats?.prefix;
    if (!prefix || prefix.settledRequesters < config.fraudMinAccounts) return undefined;
    const percent = conversionPercent(prefix, config);
    return percent !== undefined && percent < config.fraudMinConversionPercent
      ? {
          rule: this.name,
          detail: `${percent.toFixed(1)}% of ${prefix.settled} codes to this range from ${prefix.settledRequesters} requesters were used (min ${config.fraudMinConversionPercent}%)`,
        }
      : undefined;
  },
};
