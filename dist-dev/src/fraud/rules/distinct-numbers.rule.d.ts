import type { FraudRule } from '../fraud-rule';
export declare const numbersPerUserRule: FraudRule;
export declare const numbersPerIpRule: FraudRule;
