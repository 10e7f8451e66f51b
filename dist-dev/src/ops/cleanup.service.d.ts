import { OnModuleInit } from '@nestjs/common';
import { Clock } from '../common/clock';
import { type OpsConfig } from './ops.config';
import { JobScheduler } from './job-scheduler';
import { AssuranceRepository } from '../assurance/assurance.repository';
import { ChallengesRepository } from '../challenges/challenges.repository';
import { MfaDb } from '../database/mfa-db';
import { FraudEventsRepository } from '../fraud/fraud-events.repository';
import { SendCountersRepository } from '../rate-limit/send-counters.repository';
import { SendLogRepository } from '../sms/send-log.repository';
export interface CleanupReport {
    challenges: number;
    sendLog: number;
    fraudEvents: number;
    counters: number;
    sessions: number;
    batches: number;
}
export declare class CleanupService implements OnModuleInit {
    private readonly db;
    private readonly sendLog;
    private readonly challenges;
    private readonly fraudEvents;
    private readonly counters;
    private readonly assurance;
    private readonly config;
    private readonly clock;
    private readonly jobs;
    private readonly logger;
    constructor(db: MfaDb, sendLog: SendLogRepository, challenges: ChallengesRepository, fraudEvents: FraudEventsRepository, counters: SendCountersRepository, assurance: AssuranceRepository, config: OpsConfig, clock: Clock, jobs: JobScheduler);
    onModuleInit(): void;
    run(): Promise<CleanupReport | undefined>;
    private sweep;
}
