import type { FraudRule } from '../fraud-rule';
export declare const lowConversionRule: FraudRule;
