import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { Clock } from '../common/clock';
import { OPS_CONFIG, type OpsConfig } from './ops.config';
import { JobScheduler } from './job-scheduler';
import { runExclusive } from '../database/exclusive-job';
import { MfaDb } from '../database/mfa-db';
import { FraudEventsRepository } from '../fraud/fraud-events.repository';
import { SpendRepository } from '../sms/pricing/spend.repository';
import { SendLogRepository } from '../sms/send-log.repository';
import { AlertsRepository } from './alerts.repository';
import { MfaMetrics } from '../metrics/mfa-metrics';
import { ALL_DESTINATIONS, utcDay } from '../sms/pricing/spend-caps';
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
    private readonly alerts: AlertsRepository,
    private readonly sendLog: SendLogRepository,
    private readonly fraudEvents: FraudEventsRepository,
    private readonly spend: SpendRepository,
    private readonly sender: SmsSender,
    private readonly metrics: MfaMetrics,
    private readonly emitter: EventEmitter2,
    @Inject(OPS_CONFIG) private readonly config: OpsConfig,
    @Inject(Clock) private readonly clock: Clock,
    private readonly jobs: JobScheduler,
  ) {}

  onModuleInit(): void {
    this.jobs.every('mfa-alerts', this.config.alertIntervalSeconds * 1000, this.logger, () => this.evaluate());
  }

  /** The notices sent by this evaluation; undefined when another instance is evaluating. */
  evaluate(): Promise<AlertNotice[] | undefined> {
    return runExclusive(this.db, ALERTS_LOCK, async () => {
      const now = this.clock.now();
      const conditions = evaluateAlerts(await this.signals(now), this.config);
      return this.transitions(conditions, now);
    });
  }

  /** What the rules look at, each read from its table's owner. */
  private async signals(now: Date): Promise<AlertSignals> {
    const since = new Date(now.getTime() - this.config.alertWindowMinutes * 60_000);
    const [attempts, fraudTriggers, deliveryP95, stuckSends, spent] = await Promise.all([
      this.sendLog.attemptsSince(since),
      this.fraudEvents.countSince(since),
      this.sendLog.deliveryP95Since(since),
      this.sendLog.reapedWithin(this.config.alertWindowMinutes),
      this.spend.read(utcDay(now)),
    ]);
    return {
      attempts,
      fraudTriggers,
      deliveryP95,
      stuckSends,
      spend: spent.flatMap(({ scope, spentUsd }) => {
        const cap = scope === ALL_DESTINATIONS ? this.config.dailySpendLimitUsd : this.config.countryDailySpendLimitUsd;
        return cap === undefined ? [] : [{ scope, spentUsd, capUsd: cap }];
      }),
      openCircuits: this.sender
        .providerStates()
        .filter((p) => p.circuit === 'open')
        .map((p) => p.name),
      rateLimited: await this.refusalsInWindow(now),
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

  private async transitions(conditions: AlertCondition[], now: Date): Promise<AlertNotice[]> {
    const states = await this.alerts.states();
    const notices: AlertNotice[] = [];
    for (const c of conditions) {
      const previous = states.get(c.key);
      if (Boolean(previous?.firing) === c.firing) continue;
      if (!previous && !c.firing) continue;
      await this.alerts.save(c.key, c.firing, c.value, now);
      const { firing: _firing, ...rest } = c;
      notices.push({
        ...rest,
        status: c.firing ? 'firing' : 'resolved',
        since: c.firing || !previous ? now : previous.since,
        at: now,
      });
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
