import type { OpsConfig } from './ops.config';
export interface AlertSignals {
    attempts: {
        provider: string;
        total: number;
        failed: number;
    }[];
    openCircuits: string[];
    rateLimited: number;
    fraudTriggers: number;
    deliveryP95: {
        provider: string;
        seconds: number;
    }[];
    stuckSends: number;
    spend: {
        scope: string;
        spentUsd: number;
        capUsd: number;
    }[];
}
export declare const SPEND_ALERT_PERCENT = 80;
export interface AlertCondition {
    key: string;
    rule: string;
    labels: Record<string, string>;
    firing: boolean;
    value: number;
    threshold: number;
    summary: string;
}
export declare function evaluateAlerts(s: AlertSignals, config: OpsConfig): AlertCondition[];
