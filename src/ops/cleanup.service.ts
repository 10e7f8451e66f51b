import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { Clock } from '../common/clock';
import { MFA_CONFIG, type MfaConfig } from '../config/mfa-config';
import { MfaDb, Queryable } from '../database/mfa-db';

/** Any advisory-lock key unique to this job. */
const CLEANUP_LOCK = 734_114_002;

export interface CleanupReport {
  challenges: number;
  sendLog: number;
  fraudEvents: number;
  counters: number;
  /** DELETE statements run: each one short, so no lock is held long. */
  batches: number;
}

/**
 * Data minimisation on a schedule: finished challenges after a grace period,
 * send-log rows and fraud events after their retention, idle limit counters.
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
    private readonly scheduler: SchedulerRegistry,
  ) {}

  onModuleInit(): void {
    if (!this.config.cleanupIntervalMinutes) return;
    const timer = setInterval(() => void this.run().catch((err) => this.logger.error(`cleanup failed: ${(err as Error).message}`)), this.config.cleanupIntervalMinutes * 60_000);
    timer.unref();
    this.scheduler.addInterval('mfa-cleanup', timer);
  }

  /** undefined when another instance is running it. */
  async run(): Promise<CleanupReport | undefined> {
    return this.db.session(async (query) => {
      const [{ locked }] = await query('SELECT pg_try_advisory_lock($1) AS locked', [CLEANUP_LOCK]);
      if (!locked) {
        this.logger.log('cleanup skipped: another instance is running it');
        return undefined;
      }
      try {
        const report = await this.sweep(query);
        this.logger.log(
          `cleanup removed ${report.challenges} challenges, ${report.sendLog} send-log rows, ` +
            `${report.fraudEvents} fraud events, ${report.counters} idle counters in ${report.batches} batches`,
        );
        return report;
      } finally {
        await query('SELECT pg_advisory_unlock($1)', [CLEANUP_LOCK]);
      }
    });
  }

  private async sweep(query: Queryable): Promise<CleanupReport> {
    const now = this.clock.now();
    const day = 86_400_000;
    const graceEdge = new Date(now.getTime() - this.config.challengeGraceHours * 3_600_000);
    const report: CleanupReport = { challenges: 0, sendLog: 0, fraudEvents: 0, counters: 0, batches: 0 };
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
    return report;
  }
}
