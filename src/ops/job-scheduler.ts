import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import { errorSummary } from '../common/error-summary';
import { SchedulerRegistry } from '@nestjs/schedule';

/** Whether the module runs its own jobs (`forRoot({ jobs: false })` for hosts with their own scheduler). */
export const MFA_JOBS = Symbol('MFA_JOBS');

/**
 * Runs the module's periodic jobs (cleanup, alerts, the send reaper) through
 * @nestjs/schedule when jobs are on. With `jobs: false` nothing is scheduled
 * and ScheduleModule is not imported: the host calls CleanupService.run(),
 * AlertsService.evaluate() and SendReaper.run() from its own scheduler.
 */
@Injectable()
export class JobScheduler {
  constructor(
    @Inject(MFA_JOBS) private readonly enabled: boolean,
    @Optional() private readonly registry?: SchedulerRegistry,
  ) {}

  /** Runs `job` every `ms` (never when ms is 0); a failed run is logged, the next one still runs. */
  every(name: string, ms: number, logger: Logger, job: () => Promise<unknown>): void {
    if (!this.enabled || !ms || !this.registry) return;
    const timer = setInterval(() => void job().catch((err) => logger.error(`${name} failed: ${errorSummary(err)}`)), ms);
    timer.unref();
    this.registry.addInterval(name, timer);
  }
}
