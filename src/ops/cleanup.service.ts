import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { Clock } from '../common/clock';
import { MFA_CONFIG, type MfaConfig } from '../config/mfa-config';
import { JobScheduler } from './job-scheduler';
import { runExclusive } from '../database/exclusive-job';
import { MfaDb, Queryable } from '../database/mfa-db';

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
    @Inject(MFA_CONFIG) private readonly config: MfaConfig,
    @Inject(Clock) private readonly clock: Clock,
    private readonly jobs: JobScheduler,
  ) {}

  onModuleInit(): void {
    this.jobs.every('mfa-cleanup', this.config.cleanupIntervalMinutes * 60_000, this.logger, () => this.run());
  }

  /** undefined when another instance is running it. */
  async run(): Promise<CleanupReport | undefined> {
    const report = await runExclusive(this.db, CLEANUP_LOCK, (query) => this.sweep(query));
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

  private async sweep(query: Queryable): Promise<CleanupReport> {
    const now = this.clock.now();
    const day = 86_400_000;
    const graceEdge = new Date(now.getTime() - Math.max(this.config.challengeGraceHours * 3_600_000, FRAUD_WINDOW_MS));
    const report: CleanupReport = { challenges: 0, sendLog: 0, fraudEvents: 0, counters: 0, sessions: 0, batches: 0 };
    const inBatches = async (table: string, where: string, params: unknown[]): Promise<number> => {
      let total = 0;
      for (;;) {
        const rows = await query(
          `WITH doomed AS (SELECT ctid FROM ${table} WHERE ${where} LIMIT ${this.config.cleanupBatchSize})
           DELETE FROM ${table} WHERE ctid IN (SELECT ctid FROM doomed) RETURNING 1`,
          params,
        );
        report.batches += 1;
        total += rows.length;
        if (rows.length < this.config.cleanupBatchSize) return total;
      }
    };
    report.sendLog = await inBatches('sms_send_log', 'created_at < $1', [new Date(now.getTime() - this.config.sendLogRetentionDays * day)]);
    report.challenges = await inBatches(
      'mfa_challenges',
      'expires_at < $1 OR consumed_at < $1 OR invalidated_at < $1',
      [graceEdge],
    );
    report.fraudEvents = await inBatches('sms_fraud_events', 'created_at < $1', [
      new Date(now.getTime() - this.config.fraudEventRetentionDays * day),
    ]);
    report.counters = await inBatches(
      'sms_send_counters',
      'NOT EXISTS (SELECT 1 FROM unnest(sends) t WHERE t > $1)',
      [new Date(now.getTime() - day)],
    );
    report.sessions = await inBatches('mfa_assurance', 'expires_at < $1', [now]);
    return report;
  }
}
