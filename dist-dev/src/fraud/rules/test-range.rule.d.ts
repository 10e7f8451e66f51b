import type { FraudRule } from '../fraud-rule';
export declare const TEST_RANGES: {
    pattern: RegExp;
    name: string;
}[];
export declare const testRangeRule: FraudRule;
