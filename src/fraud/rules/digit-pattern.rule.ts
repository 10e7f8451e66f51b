import type { FraudContext, FraudRule } from '../fraud-rule';

const MIN_RUN = 6;

/** Longest run of one repeated digit, and longest ascending or descending run (by 1). */
export function digitRuns(digits: string): { repeated: number; sequential: number } {
  let repeated = 1;
  let sequential = 1;
  let rep = 1;
  let up = 1;
  let down = 1;
  for (let i = 1; i < digits.length; i++) {
    const d = digits.charCodeAt(i) - digits.charCodeAt(i - 1);
    rep = d === 0 ? rep + 1 : 1;
    up = d === 1 ? up + 1 : 1;
    down = d === -1 ? down + 1 : 1;
    repeated = Math.max(repeated, rep);
    sequential = Math.max(sequential, up, down);
  }
  return { repeated, sequential };
}

/** Numbers typed by bots or people faking it: 6+ identical or consecutive digits in the national number. */
export const digitPatternRule: FraudRule = {
  name: 'digit_pattern',
  usesStatistics: false,
  scope: 'send',
  evaluate(ctx: FraudContext) {
    const { repeated, sequential } = digitRuns(ctx.nationalNumber);
    if (repeated >= MIN_RUN) return { rule: this.name, detail: `${repeated} identical digits in a row` };
    if (sequential >= MIN_RUN) return { rule: this.name, detail: `${sequential} consecutive digits in a row` };
    return undefined;
  },
};
