import { Logger } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
export declare const MFA_JOBS: unique symbol;
export declare class JobScheduler {
    private readonly enabled;
    private readonly registry?;
    constructor(enabled: boolean, registry?: SchedulerRegistry | undefined);
    every(name: string, ms: number, logger: Logger, job: () => Promise<unknown>): void;
}
