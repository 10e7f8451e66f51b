import type { FraudConfig } from '../fraud.config';
import type { FraudContext, FraudRule } from '../fraud-rule';

/** One account cycling through many numbers in a day. */
export const numbersPerUserRule: FraudRule = {
  name: 'numbers_per_user',
  usesStatistics: true,
  scope: 'send',
  evaluate(ctx: FraudContext, config: FraudConfig) {
    if (!ctx.stats) return undefined;
    const numbers = ctx.stats.userOtherNumbers + 1;
    return numbers > config.fraudMaxNumbersPerUser
      ? { rule: this.name, detail: `${numbers} numbers for one user in 24 h (max ${config.fraudMaxNumbersPerUser})` }
      : undefined;
  },
};

/** One client address cycling through many numbers in a day. */
export const numbersPerIpRule: FraudRule = {
  name: 'numbers_per_ip',
  usesStatistics: true,
  scope: 'send',
  evaluate(ctx: FraudContext, config: FraudConfig) {
    if (!ctx.stats || !ctx.clientIp) return undefined;
    const numbers = ctx.stats.ipOtherNumbers + 1;
    return numbers > config.fraudMaxNumbersPerIp
      ? { rule: this.name, detail: `${numbers} numbers from one IP in 24 h (max ${config.fraudMaxNumbersPerIp})` }
      : undefined;
  },
};
