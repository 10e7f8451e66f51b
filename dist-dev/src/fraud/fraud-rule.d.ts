import type { FraudConfig } from './fraud.config';
export interface RegionStats {
    recentRequesters: number;
    baselineSends: number;
    baselineRequesters: number;
    settled: number;
    verified: number;
    settledRequesters: number;
}
export interface FraudStats {
    userOtherNumbers: number;
    ipOtherNumbers: number;
    prefix: RegionStats;
    country: RegionStats;
    requesterProven: boolean;
}
export interface FraudContext {
    e164: string;
    callingCode: string;
    nationalNumber: string;
    prefix: string;
    country?: string;
    userId: string;
    clientIp?: string;
    stats?: FraudStats;
}
export interface FraudTrigger {
    rule: string;
    detail: string;
    coldStart?: boolean;
}
export interface FraudRule {
    readonly name: string;
    readonly usesStatistics: boolean;
    readonly scope: 'send' | 'region';
    evaluate(ctx: FraudContext, config: FraudConfig): FraudTrigger | undefined;
}
export declare const BASELINE_WINDOWS: number;
