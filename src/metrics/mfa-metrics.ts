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

  readonly sendTotal = new Counter({
    name: 'sms_send_total',
    help: 'SMS send attempts by provider and outcome',
    labelNames: ['provider', 'status'] as const,
    registers: [this.registry],
  });
  readonly failoverTotal = new Counter({
    name: 'sms_failover_total',
    help: 'Failovers from one provider to the next',
    labelNames: ['from', 'to'] as const,
    registers: [this.registry],
  });
  readonly deliverySeconds = new Histogram({
    name: 'sms_delivery_seconds',
    help: 'Time from send to the delivered status callback',
    labelNames: ['provider'] as const,
    buckets: [1, 2, 5, 10, 20, 30, 60, 120, 300, 600],
    registers: [this.registry],
  });
  readonly fallbackTotal = new Counter({
    name: 'sms_voice_fallback_total',
    help: 'Voice fallbacks after an undelivered report, by outcome (sent, refused, failed)',
    labelNames: ['result'] as const,
    registers: [this.registry],
  });
  readonly feedbackTotal = new Counter({
    name: 'sms_conversion_feedback_total',
    help: 'Conversion feedback told to providers after a verified code, by provider and outcome (sent, failed)',
    labelNames: ['provider', 'result'] as const,
    registers: [this.registry],
  });
  readonly costTotal = new Counter({
    name: 'sms_cost_total',
    help: 'Reported SMS cost by provider and currency',
    labelNames: ['provider', 'currency'] as const,
    registers: [this.registry],
  });
  readonly spendUsdTotal = new Counter({
    name: 'sms_spend_usd_total',
    help: 'SMS spend in US dollars (reported price, else the estimate) by destination country (or "other")',
    labelNames: ['country'] as const,
    registers: [this.registry],
  });
  readonly fraudTriggersTotal = new Counter({
    name: 'sms_fraud_triggers_total',
    help: 'Fraud rule triggers',
    labelNames: ['rule'] as const,
    registers: [this.registry],
  });
  readonly rateLimitedTotal = new Counter({
    name: 'sms_rate_limited_total',
    help: 'Requests refused by a limit',
    labelNames: ['limit'] as const,
    registers: [this.registry],
  });
  readonly verifyTotal = new Counter({
    name: 'sms_verify_total',
    help: 'Verification outcomes',
    labelNames: ['result'] as const,
    registers: [this.registry],
  });
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
