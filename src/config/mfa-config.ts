import {
  bool,
  countryList,
  decimal,
  EnvRule,
  SettingField,
  hexKeyList,
  int,
  isoTime,
  nameList,
  oneOf,
  regexSource,
  arnList,
  subsetOf,
  templateMap,
  testNumberMap,
  text,
  trustProxy,
  url,
} from './env-rules';
import { checkCombinations } from './config-checks';
import type { Channel } from '../sms/providers/sms-provider';
import { AWS_SNS_CERT_URL } from '../webhooks/aws/sns-message';
import { AWS_EUM_SETTINGS, type AwsEumSettings } from '../sms/providers/aws-eum/aws-eum.config';
import { AWS_SNS_SETTINGS, type AwsSnsSettings } from '../sms/providers/aws-sns/aws-sns.config';
import { TWILIO_SETTINGS, type TwilioSettings } from '../sms/providers/twilio/twilio.config';

/** A provider's name: the built-in TWILIO, AWS_SNS, AWS_EUM and MOCK, or a host adapter's (upper case, e.g. ACME). */
export type ProviderName = string;
export const BUILT_IN_PROVIDERS: readonly ProviderName[] = ['TWILIO', 'AWS_SNS', 'AWS_EUM', 'MOCK'];
/** A provider's name: 1 to 32 upper-case letters, digits or underscores. */
export const PROVIDER_NAME = /^[A-Z][A-Z0-9_]{0,31}$/;

export interface ProviderLimits {
  priority: number;
  maxPerMinute: number;
  maxPerHour: number;
  maxPerDay: number;
}

/**
 * The module's whole configuration, typed; built and validated once from the
 * environment plus options. Features read their own slice of it (configSlice);
 * each provider's settings are declared beside its adapter.
 */
export type HttpAdapterName = 'express' | 'fastify';

export interface MfaConfig extends TwilioSettings, AwsSnsSettings, AwsEumSettings {
  nodeEnv: 'development' | 'production' | 'test';
  production: boolean;
  databaseUrl?: string;
  dataDir: string;
  /** Connections in the module's pool. */
  databasePoolSize: number;
  /** Apply pending migrations at start-up (false for hosts that run `npm run migration:run` in their pipeline). */
  migrationsRun: boolean;
  /** How long to wait for a pooled connection (or a new one) before the request fails with 503. */
  databaseConnectTimeoutMs: number;
  /** Server-side statement_timeout; the client gives up a second later. */
  databaseStatementTimeoutMs: number;
  /** On SIGTERM, how long in-flight requests may finish before their connections are closed. */
  shutdownDrainMs: number;
  /** Serve /docs and /docs-json (default: outside production only). */
  docsEnabled: boolean;
  /** An internal listener for /metrics and the detailed /health. */
  opsPort?: number;
  /** A bearer token that opens /metrics and the detailed /health on the public port. */
  opsToken?: string;
  redisUrl?: string;
  port: number;
  /** The demo's HTTP server: Fastify (the faster one in `npm run bench`) or Express; the module works under both. */
  httpAdapter: HttpAdapterName;
  publicBaseUrl?: string;
  trustProxy: string | number | boolean;
  /** IPv6 clients are keyed by their network of this many bits for every per-IP limit, rule and throttle. */
  ipv6SubnetPrefix: number;
  /** Sends to a number its requester has not verified (enrolment), per requester (client address, else account): per rolling hour / 24 h. */
  enrollNumberHourlyLimit: number;
  enrollNumberDailyLimit: number;
  /** The ceiling of enrolment sends to one number across all requesters: per rolling hour / 24 h. */
  enrollNumberTotalHourlyLimit: number;
  enrollNumberTotalDailyLimit: number;
  smsEnabled: boolean;
  codeLength: number;
  codeValidityMinutes: number;
  maxAttempts: number;
  cooldownMinutes: number;
  dailyLimit: number;
  hourlyLimit: number;
  ipHourlyLimit: number;
  /** Each further send inside the daily window doubles the user's cooldown, up to cooldownMaxMinutes. */
  progressiveCooldown: boolean;
  cooldownMaxMinutes: number;
  /** Consecutive wrong codes (across challenges) before verification waits grow. */
  verifyFailureThreshold: number;
  /** Consecutive wrong codes at which SMS verification stops until another factor or an admin resets it. */
  verifyFailureHardLimit: number;
  fraudDisabledRules: string[];
  fraudMaxNumbersPerUser: number;
  fraudMaxNumbersPerIp: number;
  fraudVelocityFactor: number;
  fraudVelocityMinSends: number;
  fraudMinConversionPercent: number;
  fraudConversionMinSends: number;
  /** Distinct requesters (accounts and addresses) whose codes a range's conversion must rest on before it may refuse. */
  fraudMinAccounts: number;
  /** Sends a region needs in its last day before its velocity rule may refuse (until then it monitors). */
  fraudWarmupSends: number;
  /** A code counts for conversion once it is this old (people take a minute or two to type it). */
  fraudConversionSettleMinutes: number;
  httpThrottlePerMinute: number;
  codeSecret: string;
  encryptionKey: string;
  /** Keys that encrypted TOTP secrets before the current one: still read, never written. */
  previousEncryptionKeys: string[];
  /** Consecutive wrong TOTP codes before each further one imposes a growing wait. */
  totpFailureThreshold: number;
  /** Consecutive wrong TOTP codes at which TOTP stops until another factor succeeds or an admin resets it. */
  totpFailureHardLimit: number;
  /** How long a session stays at aal2 after its last second-factor verification. */
  assuranceMaxAgeMinutes: number;
  /** How recent a verification in the same session must be for factor management (step-up). */
  stepUpMaxAgeMinutes: number;
  /** Admin routes need the operator's session at aal2 (verified within 30 minutes). */
  adminRequiresMfa: boolean;
  /** Host policy: may a user remove their last verified factor? */
  allowRemovingLastFactor: boolean;
  /** Host-supplied message templates by locale ({code}, {minutes}, {app}); they win over the built-in ones. */
  templates: Record<string, string>;
  allowedCountries: string[];
  blockedCountries: string[];
  fraudMode: 'block' | 'monitor';
  appName: string;
  webOtpDomain?: string;
  /** The 11-character SMS Retriever hash of the host's Android app, added to the end of SMS bodies. */
  androidAppHash?: string;
  /** The delivery channels users may choose (sms, voice, whatsapp). */
  channels: Channel[];
  /** When no SMS provider takes a message, or a report says it did not reach the handset while its code lives: a code by voice. */
  voiceFallback: boolean;
  /** Countries whose fixed lines may enrol by voice (none by default: fixed-line ranges are what call pumping targets). */
  voiceFixedLineCountries: string[];
  /**
   * Numbers of no country (+881 satellite, +882/+883 international networks):
   * refused by default, since country rules cannot reach them and their real
   * prices are far above the default estimate the spend caps count.
   */
  allowNonGeographic: boolean;
  /** Which SNS signing certificates are trusted (a URL pattern); only local tests widen it. */
  awsSnsCertUrlPattern: string;
  /** SNS topics whose delivery events are accepted (empty: any topic whose message is validly signed). */
  awsSnsTopicArns: string[];
  providerTimeoutMs: number;
  /** Price ceiling per message sent to the providers that take one (Twilio MaxPrice, SNS AWS.SNS.SMS.MaxPrice). */
  maxPriceUsd?: number;
  /** Numbers with a fixed code (app-store review, end-to-end tests): no provider, no limit, no budget, no fraud rules. */
  testNumbers: Record<string, string>;
  /** Until when the test numbers are test numbers (required in production). */
  testNumbersValidUntil?: string;
  /** A JSON price table (US dollars per segment, by country and provider) replacing the shipped one. */
  priceTableFile?: string;
  /** Spend caps per UTC day, shared by every instance: all destinations, and each country. */
  dailySpendLimitUsd?: number;
  countryDailySpendLimitUsd?: number;
  /** `priority`: providers in their configured order; `cost`: the cheapest for the destination first. */
  routing: 'priority' | 'cost';
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
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** Consecutive transient failures that open a provider's circuit. */
  circuitFailureThreshold: number;
  /** How long an open circuit waits before letting one probe through. */
  circuitHalfOpenMs: number;
  mockSmsEnabled: boolean;
  providers: Record<ProviderName, ProviderLimits>;
  authJwtSecret?: string;
  /** Demo host: when set, tokens must carry this `iss` / `aud`. */
  authJwtIssuer?: string;
  authJwtAudience?: string;
  /** Demo host: tokens must expire, at most this long after now. */
  authJwtMaxLifetimeMinutes: number;
}

export const MFA_CONFIG = Symbol('MFA_CONFIG');

type Scalar = Exclude<keyof MfaConfig, 'providers' | 'production'>;

type Field<K extends Scalar> = SettingField<MfaConfig[K], MfaConfig>;

type Schema = { [K in Scalar]: Field<K> };

const SCHEMA: Schema = {
  // Its default comes from the host's NODE_ENV (hostMode below), which the module never refuses.
  nodeEnv: { env: 'MFA_ENV', rule: oneOf('development', 'production', 'test'), default: 'development' },
  databaseUrl: { env: 'DATABASE_URL', rule: url(['postgres', 'postgresql']), secret: true },
  dataDir: { env: 'DATA_DIR', rule: text(), default: './.data' },
  databasePoolSize: { env: 'DATABASE_POOL_SIZE', rule: int(2, 200), default: 20 },
  migrationsRun: { env: 'MFA_MIGRATIONS_RUN', rule: bool(), default: true },
  databaseConnectTimeoutMs: { env: 'DATABASE_CONNECT_TIMEOUT_MS', rule: int(100, 60_000), default: 3000 },
  databaseStatementTimeoutMs: { env: 'DATABASE_STATEMENT_TIMEOUT_MS', rule: int(100, 600_000), default: 10_000 },
  shutdownDrainMs: { env: 'SHUTDOWN_DRAIN_MS', rule: int(0, 120_000), default: 10_000 },
  docsEnabled: { env: 'MFA_DOCS_ENABLED', rule: bool(), default: (c) => !c.production },
  opsPort: { env: 'OPS_PORT', rule: int(1, 65535) },
  opsToken: { env: 'OPS_TOKEN', rule: text(/^.{32,}$/, 'a string of at least 32 characters'), secret: true },
  redisUrl: { env: 'REDIS_URL', rule: url(['redis', 'rediss']), secret: true },
  port: { env: 'PORT', rule: int(0, 65535), default: 3000 },
  httpAdapter: { env: 'HTTP_ADAPTER', rule: oneOf('express', 'fastify'), default: 'fastify' },
  publicBaseUrl: { env: 'PUBLIC_BASE_URL', rule: url(['http', 'https']) },
  trustProxy: { env: 'TRUST_PROXY', rule: trustProxy(), default: false },
  ipv6SubnetPrefix: { env: 'IPV6_SUBNET_PREFIX', rule: int(32, 128), default: 64 },
  enrollNumberHourlyLimit: { env: 'SMS_ENROLL_NUMBER_HOURLY_LIMIT', rule: int(1, 1_000_000), default: 3 },
  enrollNumberDailyLimit: { env: 'SMS_ENROLL_NUMBER_DAILY_LIMIT', rule: int(1, 1_000_000), default: 5 },
  enrollNumberTotalHourlyLimit: {
    env: 'SMS_ENROLL_NUMBER_TOTAL_HOURLY_LIMIT',
    rule: int(1, 1_000_000),
    default: (c) => Math.max(10, c.enrollNumberHourlyLimit ?? 0),
  },
  enrollNumberTotalDailyLimit: {
    env: 'SMS_ENROLL_NUMBER_TOTAL_DAILY_LIMIT',
    rule: int(1, 1_000_000),
    default: (c) => Math.max(20, c.enrollNumberDailyLimit ?? 0),
  },
  smsEnabled: { env: 'SMS_BACKUP_ENABLED', rule: bool(), default: true },
  codeLength: { env: 'SMS_CODE_LENGTH', rule: int(4, 10), default: 6 },
  codeValidityMinutes: { env: 'SMS_CODE_VALIDITY_MINUTES', rule: int(1, 10), default: 10 },
  maxAttempts: { env: 'SMS_MAX_ATTEMPTS', rule: int(1, 10), default: 3 },
  cooldownMinutes: { env: 'SMS_COOLDOWN_MINUTES', rule: int(0, 1440), default: 1 },
  dailyLimit: { env: 'SMS_DAILY_LIMIT', rule: int(1, 1_000_000), default: 10 },
  hourlyLimit: { env: 'SMS_HOURLY_LIMIT', rule: int(1, 1_000_000), default: 5 },
  ipHourlyLimit: { env: 'SMS_IP_HOURLY_LIMIT', rule: int(1, 1_000_000), default: 20 },
  progressiveCooldown: { env: 'SMS_PROGRESSIVE_COOLDOWN', rule: bool(), default: true },
  cooldownMaxMinutes: { env: 'SMS_COOLDOWN_MAX_MINUTES', rule: int(1, 1440), default: 60 },
  verifyFailureThreshold: { env: 'SMS_VERIFY_FAILURE_THRESHOLD', rule: int(1, 1000), default: 10 },
  verifyFailureHardLimit: { env: 'SMS_VERIFY_FAILURE_HARD_LIMIT', rule: int(2, 100_000), default: 100 },
  fraudDisabledRules: { env: 'SMS_FRAUD_DISABLED_RULES', rule: nameList(), default: [] },
  fraudMaxNumbersPerUser: { env: 'SMS_FRAUD_MAX_NUMBERS_PER_USER', rule: int(1, 1000), default: 3 },
  fraudMaxNumbersPerIp: { env: 'SMS_FRAUD_MAX_NUMBERS_PER_IP', rule: int(1, 100_000), default: 10 },
  fraudVelocityFactor: { env: 'SMS_FRAUD_VELOCITY_FACTOR', rule: int(2, 1000), default: 5 },
  fraudVelocityMinSends: { env: 'SMS_FRAUD_VELOCITY_MIN_SENDS', rule: int(1, 1_000_000), default: 20 },
  fraudMinConversionPercent: { env: 'SMS_FRAUD_MIN_CONVERSION_PERCENT', rule: int(0, 100), default: 10 },
  fraudConversionMinSends: { env: 'SMS_FRAUD_CONVERSION_MIN_SENDS', rule: int(1, 1_000_000), default: 20 },
  fraudMinAccounts: { env: 'SMS_FRAUD_MIN_ACCOUNTS', rule: int(1, 1_000_000), default: 5 },
  fraudWarmupSends: { env: 'SMS_FRAUD_WARMUP_SENDS', rule: int(0, 10_000_000), default: 200 },
  fraudConversionSettleMinutes: { env: 'SMS_FRAUD_CONVERSION_SETTLE_MINUTES', rule: int(1, 10), default: 3 },
  httpThrottlePerMinute: { env: 'HTTP_THROTTLE_PER_MINUTE', rule: int(1, 10_000_000), default: 60 },
  codeSecret: { env: 'SMS_CODE_SECRET', rule: text(/^.{32,}$/, 'a string of at least 32 characters'), secret: true },
  encryptionKey: {
    env: 'MFA_ENCRYPTION_KEY',
    rule: text(/^[0-9a-fA-F]{64}$/, 'a 256-bit key as 64 hexadecimal characters'),
    secret: true,
  },
  previousEncryptionKeys: {
    env: 'MFA_ENCRYPTION_PREVIOUS_KEYS',
    rule: hexKeyList(),
    default: [],
    secret: true,
  },
  totpFailureThreshold: { env: 'MFA_TOTP_FAILURE_THRESHOLD', rule: int(1, 1000), default: 5 },
  totpFailureHardLimit: { env: 'MFA_TOTP_FAILURE_HARD_LIMIT', rule: int(2, 100_000), default: 100 },
  assuranceMaxAgeMinutes: { env: 'MFA_ASSURANCE_MAX_AGE_MINUTES', rule: int(1, 43_200), default: 720 },
  stepUpMaxAgeMinutes: { env: 'MFA_STEP_UP_MAX_AGE_MINUTES', rule: int(1, 1440), default: 10 },
  allowRemovingLastFactor: { env: 'MFA_ALLOW_REMOVING_LAST_FACTOR', rule: bool(), default: false },
  adminRequiresMfa: { env: 'MFA_ADMIN_REQUIRES_MFA', rule: bool(), default: true },
  templates: { env: 'SMS_TEMPLATES_JSON', rule: templateMap(), default: {} },
  allowedCountries: { env: 'SMS_ALLOWED_COUNTRIES', rule: countryList(), default: [] },
  blockedCountries: { env: 'SMS_BLOCKED_COUNTRIES', rule: countryList(), default: [] },
  fraudMode: { env: 'SMS_FRAUD_MODE', rule: oneOf('block', 'monitor'), default: 'block' },
  appName: { env: 'SMS_APP_NAME', rule: text(/^.{1,40}$/, 'a name of 1 to 40 characters'), default: 'Haven Health' },
  webOtpDomain: {
    env: 'SMS_WEBOTP_DOMAIN',
    rule: text(/^(?=.{1,253}$)([a-z0-9-]+\.)+[a-z]{2,}$/i, 'a bare domain name such as example.org'),
  },
  androidAppHash: {
    env: 'SMS_ANDROID_APP_HASH',
    rule: text(/^[A-Za-z0-9+/]{11}$/, 'the 11-character SMS Retriever hash of the Android app'),
  },
  channels: { env: 'SMS_CHANNELS', rule: subsetOf<Channel>('sms', 'voice', 'whatsapp'), default: ['sms'] },
  voiceFallback: { env: 'SMS_VOICE_FALLBACK', rule: bool(), default: false },
  voiceFixedLineCountries: { env: 'SMS_VOICE_FIXED_LINE_COUNTRIES', rule: countryList(), default: [] },
  allowNonGeographic: { env: 'SMS_ALLOW_NON_GEOGRAPHIC', rule: bool(), default: false },
  awsSnsCertUrlPattern: {
    env: 'AWS_SNS_CERT_URL_PATTERN',
    rule: regexSource(),
    default: AWS_SNS_CERT_URL.source,
  },
  awsSnsTopicArns: { env: 'AWS_SNS_TOPIC_ARNS', rule: arnList(), default: [] },
  providerTimeoutMs: { env: 'SMS_PROVIDER_TIMEOUT_MS', rule: int(100, 60_000), default: 5000 },
  maxPriceUsd: { env: 'SMS_MAX_PRICE_USD', rule: decimal(0.0001, 100) },
  testNumbers: { env: 'SMS_TEST_NUMBERS', rule: testNumberMap(), default: {}, secret: true },
  testNumbersValidUntil: { env: 'SMS_TEST_NUMBERS_VALID_UNTIL', rule: isoTime() },
  priceTableFile: { env: 'SMS_PRICE_TABLE_FILE', rule: text() },
  dailySpendLimitUsd: { env: 'SMS_DAILY_SPEND_LIMIT_USD', rule: decimal(0.01, 10_000_000) },
  countryDailySpendLimitUsd: { env: 'SMS_COUNTRY_DAILY_SPEND_LIMIT_USD', rule: decimal(0.01, 10_000_000) },
  routing: { env: 'SMS_ROUTING', rule: oneOf('priority', 'cost'), default: 'priority' },
  cleanupIntervalMinutes: { env: 'CLEANUP_INTERVAL_MINUTES', rule: int(0, 10_080), default: 60 },
  challengeGraceHours: { env: 'CLEANUP_CHALLENGE_GRACE_HOURS', rule: int(0, 8760), default: 24 },
  sendLogRetentionDays: { env: 'SMS_LOG_RETENTION_DAYS', rule: int(1, 3650), default: 90 },
  fraudEventRetentionDays: { env: 'FRAUD_EVENT_RETENTION_DAYS', rule: int(1, 3650), default: 180 },
  cleanupBatchSize: { env: 'CLEANUP_BATCH_SIZE', rule: int(100, 100_000), default: 5000 },
  alertIntervalSeconds: { env: 'ALERT_INTERVAL_SECONDS', rule: int(0, 86_400), default: 60 },
  alertWindowMinutes: { env: 'ALERT_WINDOW_MINUTES', rule: int(1, 1440), default: 10 },
  alertWebhookUrl: { env: 'ALERT_WEBHOOK_URL', rule: url(['http', 'https']), secret: true },
  alertFailureRatePercent: { env: 'ALERT_FAILURE_RATE_PERCENT', rule: int(1, 100), default: 20 },
  alertMinAttempts: { env: 'ALERT_MIN_ATTEMPTS', rule: int(1, 1_000_000), default: 10 },
  alertRateLimitedPerWindow: { env: 'ALERT_RATE_LIMITED_PER_WINDOW', rule: int(1, 10_000_000), default: 200 },
  alertFraudTriggersPerWindow: { env: 'ALERT_FRAUD_TRIGGERS_PER_WINDOW', rule: int(1, 10_000_000), default: 20 },
  alertDeliverySeconds: { env: 'ALERT_DELIVERY_SECONDS', rule: int(1, 86_400), default: 60 },
  logLevel: {
    env: 'LOG_LEVEL',
    rule: oneOf('fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'),
    default: 'info',
  },
  circuitFailureThreshold: { env: 'SMS_CIRCUIT_FAILURE_THRESHOLD', rule: int(1, 100), default: 3 },
  circuitHalfOpenMs: { env: 'SMS_CIRCUIT_HALF_OPEN_MS', rule: int(100, 3_600_000), default: 30_000 },
  ...TWILIO_SETTINGS,
  ...AWS_SNS_SETTINGS,
  ...AWS_EUM_SETTINGS,
  // On by default only to try the module: development, and no real provider (never a failover target behind one).
  mockSmsEnabled: {
    env: 'MOCK_SMS_ENABLED',
    rule: bool(),
    default: (c) => c.nodeEnv === 'development' && !c.twilioEnabled && !c.awsSnsEnabled && !c.awsEumEnabled,
  },
  authJwtSecret: { env: 'AUTH_JWT_SECRET', rule: text(/^.{32,}$/, 'a string of at least 32 characters'), secret: true },
  authJwtIssuer: { env: 'AUTH_JWT_ISSUER', rule: text(/^.{1,200}$/, 'a string of 1 to 200 characters') },
  authJwtAudience: { env: 'AUTH_JWT_AUDIENCE', rule: text(/^.{1,200}$/, 'a string of 1 to 200 characters') },
  authJwtMaxLifetimeMinutes: { env: 'AUTH_JWT_MAX_LIFETIME_MINUTES', rule: int(1, 43_200), default: 1440 },
};

const PROVIDER_DEFAULTS: Record<ProviderName, ProviderLimits> = {
  TWILIO: { priority: 1, maxPerMinute: 60, maxPerHour: 1000, maxPerDay: 10000 },
  AWS_SNS: { priority: 2, maxPerMinute: 60, maxPerHour: 1000, maxPerDay: 10000 },
  AWS_EUM: { priority: 3, maxPerMinute: 60, maxPerHour: 1000, maxPerDay: 10000 },
  MOCK: { priority: 100, maxPerMinute: 60, maxPerHour: 1000, maxPerDay: 10000 },
};

/** A host adapter's limits when none are configured: after the built-in real providers, before the mock. */
export const HOST_PROVIDER_DEFAULTS: ProviderLimits = {
  priority: 50,
  maxPerMinute: 60,
  maxPerHour: 1000,
  maxPerDay: 10000,
};

const PROVIDER_FIELDS: Record<keyof ProviderLimits, { suffix: string; rule: EnvRule<number> }> = {
  priority: { suffix: 'PRIORITY', rule: int(0, 1000) },
  maxPerMinute: { suffix: 'MAX_PER_MINUTE', rule: int(1, 10_000_000) },
  maxPerHour: { suffix: 'MAX_PER_HOUR', rule: int(1, 10_000_000) },
  maxPerDay: { suffix: 'MAX_PER_DAY', rule: int(1, 10_000_000) },
};

export type MfaConfigOverrides = Partial<Omit<MfaConfig, 'providers' | 'production'>> & {
  providers?: Partial<Record<ProviderName, Partial<ProviderLimits>>>;
};

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
    this.name = 'ConfigError';
  }
}

export interface ConfigWarning {
  variable: string;
  message: string;
}

/**
 * Reads and validates every variable once. Options given to `forRoot` win over
 * the environment and are checked by the same rules. Throws ConfigError naming
 * each bad variable and what it allows.
 */
export function loadMfaConfig(
  env: NodeJS.ProcessEnv,
  overrides: MfaConfigOverrides = {},
  warnings: ConfigWarning[] = [],
): MfaConfig {
  const problems: string[] = [];
  const out: Partial<MfaConfig> = {};
  const values = out as Record<string, unknown>;

  // The mode's default is the host's NODE_ENV, read only when neither the options nor MFA_ENV choose it.
  const hostDefault = overrides.nodeEnv === undefined && !env.MFA_ENV?.trim() ? hostMode(env, warnings) : undefined;
  const read = (key: Scalar, fallback: unknown) => {
    const field = SCHEMA[key] as unknown as Field<'nodeEnv'>;
    const given = overrides[key];
    if (given !== undefined) {
      if (field.rule.check(given)) values[key] = given;
      else problems.push(`${field.env} must be ${field.rule.allowed}`);
      return;
    }
    const raw = env[field.env];
    if (raw !== undefined && raw.trim() !== '') {
      const parsed = field.rule.parse(raw);
      if (parsed === undefined) problems.push(`${field.env} must be ${field.rule.allowed}`);
      else values[key] = parsed;
      return;
    }
    values[key] = typeof fallback === 'function' ? fallback(out) : fallback;
  };
  // The mode first: the other defaults depend on it.
  read('nodeEnv', hostDefault ?? SCHEMA.nodeEnv.default);
  out.production = out.nodeEnv === 'production';
  for (const key of Object.keys(SCHEMA) as Scalar[]) {
    if (key !== 'nodeEnv') read(key, (SCHEMA[key] as { default?: unknown }).default);
  }

  out.providers = {} as Record<ProviderName, ProviderLimits>;
  // The built-in providers, and every other name given in options or in SMS_PROVIDER_<NAME>_* (host adapters).
  const fromEnv = Object.keys(env).flatMap(
    (k) => k.match(/^SMS_PROVIDER_([A-Z0-9_]+?)_(PRIORITY|MAX_PER_MINUTE|MAX_PER_HOUR|MAX_PER_DAY)$/)?.[1] ?? [],
  );
  const names = new Set([...BUILT_IN_PROVIDERS, ...Object.keys(overrides.providers ?? {}), ...fromEnv]);
  for (const name of names) {
    if (!PROVIDER_NAME.test(name)) {
      problems.push(
        `provider names must be 1 to 32 upper-case letters, digits or underscores (${name.slice(0, 32)} is not)`,
      );
      continue;
    }
    const limits = { ...(PROVIDER_DEFAULTS[name] ?? HOST_PROVIDER_DEFAULTS) };
    for (const [key, { suffix, rule }] of Object.entries(PROVIDER_FIELDS) as [
      keyof ProviderLimits,
      (typeof PROVIDER_FIELDS)[keyof ProviderLimits],
    ][]) {
      const variable = `SMS_PROVIDER_${name}_${suffix}`;
      const given = overrides.providers?.[name]?.[key];
      const raw = env[variable];
      const value = given !== undefined ? (rule.check(given) ? given : undefined) : raw ? rule.parse(raw) : limits[key];
      if (value === undefined) problems.push(`${variable} must be ${rule.allowed}`);
      else limits[key] = value;
    }
    out.providers[name] = limits;
  }

  checkCombinations(out, problems, warnings);
  if (problems.length) throw new ConfigError(problems);
  return hideSecrets(out as MfaConfig, SECRET_KEYS);
}

const MODES = ['development', 'production', 'test'] as const;

/**
 * The mode when neither the options nor MFA_ENV give it: the host's NODE_ENV when it is one of the
 * three, development when it is unset, and otherwise (staging, prod…)
 * production, the strictest checks, with a warning. The host's NODE_ENV is
 * its own: the module reads it, never refuses it.
 */
function hostMode(env: NodeJS.ProcessEnv, warnings: ConfigWarning[]): MfaConfig['nodeEnv'] {
  const nodeEnv = env.NODE_ENV?.trim();
  if (!nodeEnv) return 'development';
  const known = MODES.find((m) => m === nodeEnv);
  if (known) return known;
  warnings.push({
    variable: 'NODE_ENV',
    message: `is ${nodeEnv.slice(0, 24)}, not development, production or test: the module applies its production checks (set MFA_ENV to choose)`,
  });
  return 'production';
}

/** Every variable the module reads, what it allows and its default: what docs/configuration.md lists. */
export const SETTINGS_REFERENCE: readonly { variable: string; allowed: string; default: string }[] = [
  ...(Object.keys(SCHEMA) as Scalar[]).map((k) => {
    const field = SCHEMA[k] as { env: string; rule: EnvRule<unknown>; default?: unknown };
    const given = field.default;
    const shown = typeof given === 'function' ? 'computed' : given === undefined ? '–' : `\`${JSON.stringify(given)}\``;
    return { variable: field.env, allowed: field.rule.allowed, default: shown };
  }),
  ...Object.values(PROVIDER_FIELDS).map((f) => ({ variable: `SMS_PROVIDER_<NAME>_${f.suffix}`, allowed: f.rule.allowed, default: 'per provider' })),
];

/** The settings marked `secret`: keys, tokens, the HMAC secret. */
const SECRET_KEYS = (Object.keys(SCHEMA) as Scalar[]).filter((k) => (SCHEMA[k] as { secret?: boolean }).secret);

/**
 * Makes the secrets of a configuration object (or of a slice of it)
 * non-enumerable: read by name as usual, but absent from JSON.stringify,
 * util.inspect, spreads and Object.keys, so no dump or log line can print them.
 */
export function hideSecrets<T extends object>(config: T, keys: readonly string[] = SECRET_KEYS): T {
  for (const key of keys) {
    if (key in config)
      Object.defineProperty(config, key, { value: (config as Record<string, unknown>)[key], enumerable: false });
  }
  return config;
}

/** Provides `token` as the given keys of MFA_CONFIG (secrets among them stay hidden): a feature's slice. */
export function configSlice<K extends keyof MfaConfig>(token: symbol, keys: readonly K[]) {
  return {
    provide: token,
    inject: [MFA_CONFIG],
    useFactory: (config: MfaConfig): Pick<MfaConfig, K> =>
      hideSecrets(Object.fromEntries(keys.map((k) => [k, config[k]])) as Pick<MfaConfig, K>),
  };
}
