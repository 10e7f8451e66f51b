import { Injectable, OnModuleDestroy } from '@nestjs/common';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/**
 * The Prometheus metrics listed in the README (Monitoring), on a registry of this module's
 * own (two apps in one process never clash). Labels are bounded: provider,
 * status, rule, limit, result, currency — never a number, user or code.
 */
@Injectable()
export class MfaMetrics implements OnModuleDestroy {
  readonly registry = new Registry();

  /** A counter on this module's registry (declared before the metrics that use it). */
  private counter<L extends string>(name: string, help: string, labelNames: readonly L[]): Counter<L> {
    return new Counter({ name, help, labelNames, registers: [this.registry] });
  }

  readonly sendTotal = this.counter('sms_send_total', 'SMS send attempts by provider and outcome', ['provider', 'status'] as const);
  readonly failoverTotal = this.counter('sms_failover_total', 'Failovers from one provider to the next', ['from', 'to'] as const);
  readonly deliverySeconds = new Histogram({
    name: 'sms_delivery_seconds',
    help: 'Time from send to the delivered status callback',
    labelNames: ['provider'] as const,
    buckets: [1, 2, 5, 10, 20, 30, 60, 120, 300, 600],
    registers: [this.registry],
  });
  readonly batchSize = new Histogram({
    name: 'mfa_db_batch_size',
    help: 'Items written together in one statement (group commit), by write',
    labelNames: ['write'] as const,
    buckets: [1, 2, 4, 8, 16, 32, 64, 128],
    registers: [this.registry],
  });
  readonly batchSplitTotal = this.counter(
    'mfa_db_batch_split_total',
    'Batches that failed as a whole (a deadlock, a constraint checked at commit, a lost connection) and were written again item by item, by write',
    ['write'] as const,
  );

  /** A Batcher's reports for one kind of write: its batch sizes and its split batches. */
  batchObserver(write: string): { onWrite: (size: number) => void; onSplit: () => void } {
    return { onWrite: (size) => this.batchSize.observe({ write }, size), onSplit: () => this.batchSplitTotal.inc({ write }) };
  }
  readonly fallbackTotal = this.counter('sms_voice_fallback_total', 'Voice fallbacks after an undelivered report, by outcome (sent, refused, failed)', ['result'] as const);
  readonly feedbackTotal = this.counter('sms_conversion_feedback_total', 'Conversion feedback told to providers after a verified code, by provider and outcome (sent, failed)', ['provider', 'result'] as const);
  readonly costTotal = this.counter('sms_cost_total', 'Reported SMS cost by provider and currency', ['provider', 'currency'] as const);
  readonly spendUsdTotal = this.counter('sms_spend_usd_total', 'SMS spend in US dollars (reported price, else the estimate) by destination country (or "other")', ['country'] as const);
  readonly fraudTriggersTotal = this.counter('sms_fraud_triggers_total', 'Fraud rule triggers', ['rule'] as const);
  readonly frictionTotal = this.counter('mfa_friction_total', "The host's friction step: asked (no valid proof) or passed", ['result'] as const);
  readonly rateLimitedTotal = this.counter('sms_rate_limited_total', 'Requests refused by a limit', ['limit'] as const);
  readonly verifyTotal = this.counter('sms_verify_total', 'Verification outcomes', ['result'] as const);
  readonly providerUp = new Gauge({
    name: 'sms_provider_up',
    help: '1 when the provider is enabled and its circuit is not open',
    labelNames: ['provider'] as const,
    registers: [this.registry],
  });

  readonly redisUp = new Gauge({
    name: 'mfa_redis_up',
    help: '1 while the Redis of the shared HTTP throttle is connected (only with REDIS_URL)',
    registers: [this.registry],
  });
  readonly throttleFallbackTotal = new Counter({
    name: 'mfa_throttle_fallback_total',
    help: 'Times HTTP throttling fell back to this instance\'s memory because Redis was unreachable',
    registers: [this.registry],
  });

  private readonly stopDefaults: () => void;

  constructor() {
    collectDefaultMetrics({ register: this.registry });
    this.stopDefaults = () => this.registry.clear();
  }

  onModuleDestroy(): void {
    this.stopDefaults();
  }
}
