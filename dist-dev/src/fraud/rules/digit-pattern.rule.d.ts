import type { FraudRule } from '../fraud-rule';
export declare function digitRuns(digits: string): {
    repeated: number;
    sequential: number;
};
export declare const digitPatternRule: FraudRule;
