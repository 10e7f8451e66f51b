import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { Clock } from '../common/clock';
import { OPS_CONFIG, type OpsConfig } from './ops.config';
import { JobScheduler } from './job-scheduler';
import { runExclusive } from '../database/exclusive-job';
import { AssuranceRepository } from '../assurance/assurance.repository';
import { ChallengesRepository } from '../challenges/challenges.repository';
import { MfaDb } from '../database/mfa-db';
import { FraudEventsRepository } from '../fraud/fraud-events.repository';
import { SendCountersRepository } from '../rate-limit/send-counters.repository';
import { SendLogRepository } from '../sms/send-log.repository';

/** The fraud rules read challenges up to 24 h 10 min old: they are kept at least this long, whatever the grace. */
const FRAUD_WINDOW_MS = (24 * 60 + 10) * 60_000;

/** Any advisory-lock key unique to this job. */
const CLEANUP_LOCK = 734_114_002;

export interface CleanupReport {
  challenges: number;
  sendLog: number;
  fraudEvents: number;
  counters: number;
  /** Sessions whose aal2 lapsed. */
  sessions: number;
  /** DELETE statements run: each one short, so no lock is held long. */
  batches: number;
}

/**
 * Data minimisation on a schedule: finished challenges after a grace period,
 * send-log rows and fraud events after their retention, idle limit counters,
 * sessions whose aal2 lapsed.
 * Opt-outs are kept (they are the consent record). One instance at a time
 * (a session advisory lock); deletes go in batches of `cleanupBatchSize`.
 */
@Injectable()
export class CleanupService implements OnModuleInit {
  private readonly logger = new Logger('Cleanup');

  constructor(
    private readonly db: MfaDb,
    private readonly sendLog: SendLogRepository,
    private readonly challenges: ChallengesRepository,
    private readonly fraudEvents: FraudEventsRepository,
    private readonly counters: SendCountersRepository,
    private readonly assurance: AssuranceRepository,
    @Inject(OPS_CONFIG) private readonly config: OpsConfig,
    @Inject(Clock) private readonly clock: Clock,
    private readonly jobs: JobScheduler,
  ) {}

  onModuleInit(): void {
    this.jobs.every('mfa-cleanup', this.config.cleanupIntervalMinutes * 60_000, this.logger, () => this.run());
  }

  /** undefined when another instance is running it. */
  async run(): Promise<CleanupReport | undefined> {
    const report = await runExclusive(this.db, CLEANUP_LOCK, () => this.sweep());
    if (!report) {
      this.logger.log('cleanup skipped: another instance is running it');
      return undefined;
    }
    this.logger.log(
      `cleanup removed ${report.challenges} challenges, ${report.sendLog} send-log rows, ` +
        `${report.fraudEvents} fraud events, ${report.counters} idle counters, ${report.sessions} lapsed sessions ` +
        `in ${report.batches} batches`,
    );
    return report;
  }

  /** Each table through its owner's purge method, in short batches until one comes back short. */
  private async sweep(): Promise<CleanupReport> {
    const now = this.clock.now();
    const day = 86_400_000;
    const limit = this.config.cleanupBatchSize;
    const report: CleanupReport = { challenges: 0, sendLog: 0, fraudEvents: 0, counters: 0, sessions: 0, batches: 0 };
    const inBatches = async (purge: (limit: number) => Promise<number>): Promise<number> => {
      let total = 0;
      for (;;) {
        const removed = await purge(limit);
        report.batches += 1;
        total += removed;
        if (removed < limit) return total;
      }
    };
    const at = (ms: number) => new Date(now.getTime() - ms);
    report.sendLog = await inBatches((n) => this.sendLog.purgeBefore(at(this.config.sendLogRetentionDays * day), n));
    const graceMs = Math.max(this.config.challengeGraceHours * 3_600_000, FRAUD_WINDOW_MS);
    report.challenges = await inBatches((n) => this.challenges.purgeFinishedBefore(at(graceMs), n));
    report.fraudEvents = await inBatches((n) =>
      this.fraudEvents.purgeBefore(at(this.config.fraudEventRetentionDays * day), n),
    );
    report.counters = await inBatches((n) => this.counters.purgeIdleBefore(at(day), n));
    report.sessions = await inBatches((n) => this.assurance.purgeBefore(now, n));
    return report;
  }
}
