import type { FraudRule } from '../fraud-rule';
export declare const FRAUD_RULES: readonly FraudRule[];
