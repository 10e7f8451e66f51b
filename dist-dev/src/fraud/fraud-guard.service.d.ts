import { Clock } from '../common/clock';
import { type FraudConfig } from './fraud.config';
import { MfaMetrics } from '../metrics/mfa-metrics';
import type { FraudContext, FraudTrigger } from './fraud-rule';
import { FraudEventsRepository } from './fraud-events.repository';
import { FraudStatsRepository } from './fraud-stats.repository';
export interface FraudCheck extends Omit<FraudContext, 'stats'> {
    withStatistics: boolean;
}
export declare class FraudGuard {
    private readonly config;
    private readonly clock;
    private readonly stats;
    private readonly events;
    private readonly metrics;
    private readonly logger;
    private readonly rules;
    private readonly statisticRules;
    private readonly testNumbers;
    constructor(config: FraudConfig, clock: Clock, stats: FraudStatsRepository, events: FraudEventsRepository, metrics: MfaMetrics);
    check(check: FraudCheck): Promise<void>;
    report(triggers: FraudTrigger[], ctx: Omit<FraudContext, 'stats'>, action: 'blocked' | 'monitored'): Promise<void>;
}
