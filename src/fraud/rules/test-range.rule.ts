import type { FraudContext, FraudRule } from '../fraud-rule';

/**
 * Ranges reserved for fiction, documentation or provider testing: nobody
 * receives SMS there, so a send is a probe or a mistake.
 */
export const TEST_RANGES: { pattern: RegExp; name: string }[] = [
  { pattern: /^\+1\d{3}55501\d{2}$/, name: 'NANP 555-01XX fictional range' },
  { pattern: /^\+1500555\d{4}$/, name: 'Twilio magic test numbers' },
  { pattern: /^\+447700900\d{3}$/, name: 'Ofcom drama range' },
  { pattern: /^\+61491570\d{3}$/, name: 'ACMA fictional mobile range' },
  { pattern: /^\+3361234567\d$/, name: 'common placeholder' },
];

export const testRangeRule: FraudRule = {
  name: 'test_range',
  usesStatistics: false,
  scope: 'send',
  evaluate(ctx: FraudContext) {
    const hit = TEST_RANGES.find((r) => r.pattern.test(ctx.e164));
    return hit && { rule: this.name, detail: hit.name };
  },
};
