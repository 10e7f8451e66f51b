import type { FraudRule } from '../fraud-rule';
import { digitPatternRule } from './digit-pattern.rule';
import { numbersPerIpRule, numbersPerUserRule } from './distinct-numbers.rule';
import { lowConversionRule } from './low-conversion.rule';
import { testRangeRule } from './test-range.rule';
import { countryVelocityRule, prefixVelocityRule } from './velocity.rule';

/** Every heuristic rule, in the order they are evaluated. Names are stable: configuration and events use them. */
export const FRAUD_RULES: readonly FraudRule[] = [
  testRangeRule,
  digitPatternRule,
  numbersPerUserRule,
  numbersPerIpRule,
  prefixVelocityRule,
  countryVelocityRule,
  lowConversionRule,
];
