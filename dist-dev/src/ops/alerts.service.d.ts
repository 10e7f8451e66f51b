import { OnModuleInit } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { Clock } from '../common/clock';
import { type OpsConfig } from './ops.config';
import { JobScheduler } from './job-scheduler';
import { MfaDb } from '../database/mfa-db';
import { FraudEventsRepository } from '../fraud/fraud-events.repository';
import { SpendRepository } from '../sms/pricing/spend.repository';
import { SendLogRepository } from '../sms/send-log.repository';
import { AlertsRepository } from './alerts.repository';
import { MfaMetrics } from '../metrics/mfa-metrics';
import { SmsSender } from '../sms/sms-sender.service';
import { AlertCondition } from './alert-rules';
export declare const MFA_ALERT_EVENT = "mfa.alert";
export interface AlertNotice extends Omit<AlertCondition, 'firing'> {
    status: 'firing' | 'resolved';
    since: Date;
    at: Date;
}
export declare class AlertsService implements OnModuleInit {
    private readonly db;
    private readonly alerts;
    private readonly sendLog;
    private readonly fraudEvents;
    private readonly spend;
    private readonly sender;
    private readonly metrics;
    private readonly emitter;
    private readonly config;
    private readonly clock;
    private readonly jobs;
    private readonly logger;
    private readonly refusals;
    constructor(db: MfaDb, alerts: AlertsRepository, sendLog: SendLogRepository, fraudEvents: FraudEventsRepository, spend: SpendRepository, sender: SmsSender, metrics: MfaMetrics, emitter: EventEmitter2, config: OpsConfig, clock: Clock, jobs: JobScheduler);
    onModuleInit(): void;
    evaluate(): Promise<AlertNotice[] | undefined>;
    private signals;
    private refusalsInWindow;
    private transitions;
    private notify;
}
