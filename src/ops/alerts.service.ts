import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { Clock } from '../common/clock';
import { MFA_CONFIG, type MfaConfig } from '../config/mfa-config';
import { JobScheduler } from './job-scheduler';
import { runExclusive } from '../database/exclusive-job';
import { MfaDb, Queryable } from '../database/mfa-db';
import { MfaMetrics } from '../metrics/mfa-metrics';
import { ALL_DESTINATIONS, utcDay } from '../sms/pricing/spend-guard';
import { SmsSender } from '../sms/sms-sender.service';
import { AlertCondition, AlertSignals, evaluateAlerts } from './alert-rules';

const ALERTS_LOCK = 734_114_003;
export const MFA_ALERT_EVENT = 'mfa.alert';

export interface AlertNotice extends Omit<AlertCondition, 'firing'> {
  status: 'firing' | 'resolved';
  since: Date;
  at: Date;
}

/**
 * Evaluates the alert rules on a schedule. A condition that starts firing is
 * notified once (error log, `mfa.alert` event, POST to ALERT_WEBHOOK_URL) and
 * again once when it resolves. Episode state lives in the database and one
 * instance evaluates at a time, so several instances notify once, not N times.
 */
@Injectable()
export class AlertsService implements OnModuleInit {
  private readonly logger = new Logger('Alerts');
  /** Refusal counts seen at each evaluation, to take the window's increase. */
  private readonly refusals: { at: number; total: number }[] = [];

  constructor(
    private readonly db: MfaDb,
    private readonly sender: SmsSender,
    private readonly metrics: MfaMetrics,
    private readonly emitter: EventEmitter2,
    @Inject(MFA_CONFIG) private readonly config: MfaConfig,
    @Inject(Clock) private readonly clock: Clock,
    private readonly jobs: JobScheduler,
  ) {}

  onModuleInit(): void {
    this.jobs.every('mfa-alerts', this.config.alertIntervalSeconds * 1000, this.logger, () => this.evaluate());
  }

  /** The notices sent by this evaluation; undefined when another instance is evaluating. */
  evaluate(): Promise<AlertNotice[] | undefined> {
    return runExclusive(this.db, ALERTS_LOCK, async (query) => {
      const now = this.clock.now();
      const conditions = evaluateAlerts(await this.signals(query, now), this.config);
      return this.transitions(query, conditions, now);
    });
  }

  private async signals(query: Queryable, now: Date): Promise<AlertSignals> {
    const since = new Date(now.getTime() - this.config.alertWindowMinutes * 60_000);
    const attempts = await query(
      `SELECT provider, count(*)::int AS total,
              count(*) FILTER (WHERE status IN ('failed', 'undelivered'))::int AS failed
         FROM sms_send_log WHERE created_at > $1 GROUP BY provider ORDER BY provider`,
      [since],
    );
    const [{ triggers }] = await query(`SELECT count(*)::int AS triggers FROM sms_fraud_events WHERE created_at > $1`, [since]);
    const delivery = await query(
      `SELECT provider, percentile_cont(0.95) WITHIN GROUP (ORDER BY extract(epoch FROM delivered_at - created_at)) AS p95
         FROM sms_send_log WHERE created_at > $1 AND delivered_at IS NOT NULL AND status = 'delivered'
          AND provider <> 'MOCK' GROUP BY provider ORDER BY provider`,
      [since],
    );
    const [{ stuck }] = await query(
      `SELECT count(*)::int AS stuck FROM sms_send_log WHERE status = 'unknown' AND updated_at > now() - make_interval(mins => $1)`,
      [this.config.alertWindowMinutes],
    );
    const spent = await query(`SELECT scope, spent_usd FROM sms_spend_daily WHERE day = $1::date ORDER BY scope`, [utcDay(now)]);
    return {
      stuckSends: stuck,
      spend: spent.flatMap((r) => {
        const cap = r.scope === ALL_DESTINATIONS ? this.config.dailySpendLimitUsd : this.config.countryDailySpendLimitUsd;
        return cap === undefined ? [] : [{ scope: r.scope as string, spentUsd: Number(r.spent_usd), capUsd: cap }];
      }),
      attempts: attempts.map((r) => ({ provider: r.provider, total: r.total, failed: r.failed })),
      openCircuits: this.sender.providerStates().filter((p) => p.circuit === 'open').map((p) => p.name),
      rateLimited: await this.refusalsInWindow(now),
      fraudTriggers: triggers,
      deliveryP95: delivery.map((r) => ({ provider: r.provider, seconds: Number(r.p95) })),
    };
  }

  private async refusalsInWindow(now: Date): Promise<number> {
    const metric = await this.metrics.rateLimitedTotal.get();
    const total = metric.values.reduce((sum, v) => sum + v.value, 0);
    const edge = now.getTime() - this.config.alertWindowMinutes * 60_000;
    while (this.refusals.length > 1 && this.refusals[1].at <= edge) this.refusals.shift();
    this.refusals.push({ at: now.getTime(), total });
    const base = this.refusals[0].at <= edge ? this.refusals[0].total : 0;
    return total - base;
  }

  private async transitions(query: Queryable, conditions: AlertCondition[], now: Date): Promise<AlertNotice[]> {
    const states = new Map(
      (await query('SELECT key, firing, since FROM mfa_alert_states')).map((r) => [r.key as string, r]),
    );
    const notices: AlertNotice[] = [];
    for (const c of conditions) {
      const previous = states.get(c.key);
      if (Boolean(previous?.firing) === c.firing) continue;
      if (!previous && !c.firing) continue;
      await query(
        `INSERT INTO mfa_alert_states (key, firing, since, value, updated_at) VALUES ($1, $2, $3, $4, $3)
         ON CONFLICT (key) DO UPDATE SET firing = $2, since = $3, value = $4, updated_at = $3`,
        [c.key, c.firing, now, c.value],
      );
      const { firing: _firing, ...rest } = c;
      notices.push({ ...rest, status: c.firing ? 'firing' : 'resolved', since: c.firing || !previous ? now : new Date(previous.since), at: now });
    }
    for (const notice of notices) await this.notify(notice);
    return notices;
  }

  private async notify(notice: AlertNotice): Promise<void> {
    if (notice.status === 'firing') this.logger.error(`ALERT ${notice.rule} firing: ${notice.summary}`);
    else this.logger.warn(`ALERT ${notice.rule} resolved: ${notice.summary}`);
    this.emitter.emit(MFA_ALERT_EVENT, notice);
    if (!this.config.alertWebhookUrl) return;
    try {
      const res = await fetch(this.config.alertWebhookUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(notice),
        signal: AbortSignal.timeout(5000),
      });
      if (!res.ok) this.logger.warn(`alert webhook answered ${res.status}`);
    } catch (err) {
      this.logger.warn(`alert webhook failed: ${(err as Error).message}`);
    }
  }
}
