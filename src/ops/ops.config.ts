import type { CoreSettings } from '../config/core.settings';
import { int, text, url } from '../config/env-rules';
import { defineSettings } from '../config/settings';
import type { ProviderSettings } from '../sms/providers/providers.config';
import type { SmsSettings } from '../sms/sms.config';

/** Cleanup, alerts, the ops endpoints and shutdown. */
export interface OpsSettings {
  /** Minutes between cleanup runs (0: never scheduled). */
  cleanupIntervalMinutes: number;
  /** Hours a finished (used, replaced or expired) challenge is kept. */
  challengeGraceHours: number;
  sendLogRetentionDays: number;
  fraudEventRetentionDays: number;
  cleanupBatchSize: number;
  /** Seconds between alert evaluations (0: never scheduled). */
  alertIntervalSeconds: number;
  alertWindowMinutes: number;
  alertWebhookUrl?: string;
  /** Share of failed attempts of a provider in the window that fires an alert (percent). */
  alertFailureRatePercent: number;
  alertMinAttempts: number;
  alertRateLimitedPerWindow: number;
  alertFraudTriggersPerWindow: number;
  alertDeliverySeconds: number;
  /** On SIGTERM, how long in-flight requests may finish before their connections are closed. */
  shutdownDrainMs: number;
  /** An internal listener for /metrics and the detailed /health. */
  opsPort?: number;
  /** A bearer token that opens /metrics and the detailed /health on the public port. */
  opsToken?: string;
}

const many = () => int(1, 10_000_000);

export const OPS_SETTINGS = defineSettings<OpsSettings>({
  title: 'Operations',
  fields: {
    cleanupIntervalMinutes: { env: 'CLEANUP_INTERVAL_MINUTES', rule: int(0, 10_080), default: 60, doc: 'cleanup schedule (0 = off)' },
    challengeGraceHours: { env: 'CLEANUP_CHALLENGE_GRACE_HOURS', rule: int(0, 8760), default: 24, doc: 'finished challenges are kept this long' },
    sendLogRetentionDays: { env: 'SMS_LOG_RETENTION_DAYS', rule: int(1, 3650), default: 90, doc: 'retention of send-log rows' },
    fraudEventRetentionDays: { env: 'FRAUD_EVENT_RETENTION_DAYS', rule: int(1, 3650), default: 180, doc: 'retention of fraud events' },
    cleanupBatchSize: { env: 'CLEANUP_BATCH_SIZE', rule: int(100, 100_000), default: 5000, doc: 'rows per DELETE (short locks)' },
    alertIntervalSeconds: { env: 'ALERT_INTERVAL_SECONDS', rule: int(0, 86_400), default: 60, doc: 'alert evaluation schedule (0 = off)' },
    alertWindowMinutes: { env: 'ALERT_WINDOW_MINUTES', rule: int(1, 1440), default: 10, doc: 'the window alerts judge' },
    alertWebhookUrl: { env: 'ALERT_WEBHOOK_URL', rule: url(['http', 'https']), secret: true, doc: 'alerts are POSTed here as JSON' },
    alertFailureRatePercent: {
      env: 'ALERT_FAILURE_RATE_PERCENT',
      rule: int(1, 100),
      default: 20,
      doc: "a provider's share of failed attempts in the window that fires an alert",
    },
    alertMinAttempts: { env: 'ALERT_MIN_ATTEMPTS', rule: int(1, 1_000_000), default: 10, doc: 'attempts the failure-rate alert needs first' },
    alertRateLimitedPerWindow: { env: 'ALERT_RATE_LIMITED_PER_WINDOW', rule: many(), default: 200, doc: 'refused sends per window that fire a surge alert' },
    alertFraudTriggersPerWindow: { env: 'ALERT_FRAUD_TRIGGERS_PER_WINDOW', rule: many(), default: 20, doc: 'fraud triggers per window that fire an alert' },
    alertDeliverySeconds: {
      env: 'ALERT_DELIVERY_SECONDS',
      rule: int(1, 86_400),
      default: 60,
      doc: 'slow-delivery alert (p95 from the delivery reports)',
    },
    shutdownDrainMs: {
      env: 'SHUTDOWN_DRAIN_MS',
      rule: int(0, 120_000),
      default: 10_000,
      doc: "on SIGTERM, how long in-flight requests may finish (keep it below the orchestrator's grace period)",
    },
    opsPort: { env: 'OPS_PORT', rule: int(1, 65535), doc: 'an internal listener for `/metrics` and the detailed `/health` (in production they are 404 elsewhere)' },
    opsToken: {
      env: 'OPS_TOKEN',
      rule: text(/^.{32,}$/, 'a string of at least 32 characters'),
      secret: true,
      doc: 'a bearer token that opens `/metrics` and the detailed `/health` on the public port',
    },
  },
});

/** The settings the ops feature reads: its slice of the configuration (provided with configSlice). */
export const OPS_CONFIG = Symbol('OPS_CONFIG');
export const OPS_CONFIG_KEYS = [
  ...(Object.keys(OPS_SETTINGS.fields) as (keyof OpsSettings)[]),
  'dailySpendLimitUsd',
  'countryDailySpendLimitUsd',
  'providerTimeoutMs',
  'providers',
  'production',
  'smsEnabled',
] as const;
export type OpsConfig = OpsSettings &
  Pick<SmsSettings, 'dailySpendLimitUsd' | 'countryDailySpendLimitUsd' | 'smsEnabled'> &
  Pick<ProviderSettings, 'providerTimeoutMs' | 'providers'> &
  Pick<CoreSettings, 'production'>;
