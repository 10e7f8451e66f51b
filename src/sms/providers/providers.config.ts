import { decimal, int, oneOf, type EnvRule } from '../../config/env-rules';
import { defineSettings, type SettingReference } from '../../config/settings';

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

/** What every provider route shares: deadlines, circuits, routing, price ceiling, and each provider's priority and budget. */
export interface ProviderSettings {
  providerTimeoutMs: number;
  /** Price ceiling per message sent to the providers that take one (Twilio MaxPrice, SNS AWS.SNS.SMS.MaxPrice). */
  maxPriceUsd?: number;
  /** Consecutive transient failures that open a provider's circuit. */
  circuitFailureThreshold: number;
  /** How long an open circuit waits before letting one probe through. */
  circuitHalfOpenMs: number;
  /** `priority`: providers in their configured order; `cost`: the cheapest for the destination first. */
  routing: 'priority' | 'cost';
  /** Priority and budgets by provider name (SMS_PROVIDER_<NAME>_*). */
  providers: Record<ProviderName, ProviderLimits>;
}

/** What options may give of the providers' limits. */
export interface ProviderOverrides {
  providers?: Partial<Record<ProviderName, Partial<ProviderLimits>>>;
}

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

const PROVIDER_FIELDS: Record<keyof ProviderLimits, { suffix: string; rule: EnvRule<number>; doc: string }> = {
  priority: { suffix: 'PRIORITY', rule: int(0, 1000), doc: 'the order providers are tried in (lower first)' },
  maxPerMinute: { suffix: 'MAX_PER_MINUTE', rule: int(1, 10_000_000), doc: "the provider's budget per minute, shared by every instance" },
  maxPerHour: { suffix: 'MAX_PER_HOUR', rule: int(1, 10_000_000), doc: 'per hour' },
  maxPerDay: { suffix: 'MAX_PER_DAY', rule: int(1, 10_000_000), doc: 'per day' },
};

const PROVIDER_REFERENCE: SettingReference[] = Object.values(PROVIDER_FIELDS).map((f) => ({
  variable: `SMS_PROVIDER_<NAME>_${f.suffix}`,
  allowed: f.rule.allowed,
  default: 'per provider',
  doc: `${f.doc}. \`<NAME>\`: TWILIO, AWS_SNS, AWS_EUM, MOCK or a host adapter's name; voice and WhatsApp routes have budgets of their own (\`<NAME>_VOICE\`, \`<NAME>_WHATSAPP\`), a tenth of their provider's when unset`,
}));

export const PROVIDER_SETTINGS = defineSettings<Omit<ProviderSettings, 'providers'>>({
  title: 'Providers',
  fields: {
    providerTimeoutMs: {
      env: 'SMS_PROVIDER_TIMEOUT_MS',
      rule: int(100, 60_000),
      default: 5000,
      doc: 'per-provider send deadline before failing over',
    },
    maxPriceUsd: {
      env: 'SMS_MAX_PRICE_USD',
      rule: decimal(0.0001, 100),
      doc: 'price ceiling per message, sent to the provider (Twilio `MaxPrice`, SNS `AWS.SNS.SMS.MaxPrice`)',
    },
    circuitFailureThreshold: {
      env: 'SMS_CIRCUIT_FAILURE_THRESHOLD',
      rule: int(1, 100),
      default: 3,
      doc: "consecutive transient failures that open a provider's circuit",
    },
    circuitHalfOpenMs: {
      env: 'SMS_CIRCUIT_HALF_OPEN_MS',
      rule: int(100, 3_600_000),
      default: 30_000,
      doc: 'how long an open circuit waits before one probe',
    },
    routing: {
      env: 'SMS_ROUTING',
      rule: oneOf('priority', 'cost'),
      default: 'priority',
      doc: '`priority` (configured order) or `cost` (the cheapest provider for the destination first)',
    },
  },
  read: (env, overrides, problems) => ({ providers: readProviderLimits(env, overrides as ProviderOverrides, problems) }),
  reference: PROVIDER_REFERENCE,
});

/** The built-in providers, and every other name given in options or in SMS_PROVIDER_<NAME>_* (host adapters). */
function readProviderLimits(
  env: NodeJS.ProcessEnv,
  overrides: ProviderOverrides,
  problems: string[],
): Record<ProviderName, ProviderLimits> {
  const out: Record<ProviderName, ProviderLimits> = {};
  const fromEnv = Object.keys(env).flatMap(
    (k) => k.match(/^SMS_PROVIDER_([A-Z0-9_]+?)_(PRIORITY|MAX_PER_MINUTE|MAX_PER_HOUR|MAX_PER_DAY)$/)?.[1] ?? [],
  );
  const names = new Set([...BUILT_IN_PROVIDERS, ...Object.keys(overrides.providers ?? {}), ...fromEnv]);
  for (const name of names) {
    if (!PROVIDER_NAME.test(name)) {
      problems.push(`provider names must be 1 to 32 upper-case letters, digits or underscores (${name.slice(0, 32)} is not)`);
      continue;
    }
    const limits = { ...(PROVIDER_DEFAULTS[name] ?? HOST_PROVIDER_DEFAULTS) };
    for (const [key, { suffix, rule }] of Object.entries(PROVIDER_FIELDS) as [keyof ProviderLimits, (typeof PROVIDER_FIELDS)[keyof ProviderLimits]][]) {
      const variable = `SMS_PROVIDER_${name}_${suffix}`;
      const given = overrides.providers?.[name]?.[key];
      const raw = env[variable];
      const value = given !== undefined ? (rule.check(given) ? given : undefined) : raw ? rule.parse(raw) : limits[key];
      if (value === undefined) problems.push(`${variable} must be ${rule.allowed}`);
      else limits[key] = value;
    }
    out[name] = limits;
  }
  return out;
}
