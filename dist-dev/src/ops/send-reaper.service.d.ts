import { OnModuleInit } from '@nestjs/common';
import { type OpsConfig } from './ops.config';
import { JobScheduler } from './job-scheduler';
import { SendLogRepository } from '../sms/send-log.repository';
export declare class SendReaper implements OnModuleInit {
    private readonly sendLog;
    private readonly config;
    private readonly jobs;
    private readonly logger;
    constructor(sendLog: SendLogRepository, config: OpsConfig, jobs: JobScheduler);
    onModuleInit(): void;
    get deadlineSeconds(): number;
    run(): Promise<number>;
}
