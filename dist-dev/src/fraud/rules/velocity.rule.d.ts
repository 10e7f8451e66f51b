import type { FraudConfig } from '../fraud.config';
import { FraudRule, RegionStats } from '../fraud-rule';
export declare function conversionPercent(r: RegionStats, config: FraudConfig): number | undefined;
export declare const prefixVelocityRule: FraudRule;
export declare const countryVelocityRule: FraudRule;
