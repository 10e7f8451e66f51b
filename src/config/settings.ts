import type { EnvRule } from './env-rules';

/**
 * How features declare their settings. Each feature keeps a settings group
 * beside its code: every variable with its rule, default, doc string and
 * whether it is secret, plus the rules between its settings (what production
 * refuses). The module definition assembles the groups; this folder only
 * reads them, and imports nothing above it.
 */

/** How one setting is read: its variable, its rule, its default and its meaning; `secret` keeps it out of every dump. */
export interface SettingField<T, C = unknown> {
  env: string;
  rule: EnvRule<NonNullable<T>>;
  /** Default, or a function of the settings read so far (groups are read in order). */
  default?: T | ((c: Partial<C>) => T);
  /** What the default is, in words, when it is computed (shown in docs/configuration.md). */
  defaultDoc?: string;
  /** One sentence for docs/configuration.md. */
  doc: string;
  secret?: boolean;
}

export interface ConfigWarning {
  variable: string;
  message: string;
}

/** A row of docs/configuration.md for a variable not read by a fixed name (SMS_PROVIDER_<NAME>_*). */
export interface SettingReference {
  variable: string;
  allowed: string;
  default: string;
  doc: string;
}

/**
 * A feature's settings `S`; `R` names the settings of other (lower) features
 * its defaults and checks read.
 */
export interface SettingsGroup<S extends object, R extends object = object> {
  /** Its heading in docs/configuration.md. */
  title: string;
  fields: { [K in keyof S]-?: SettingField<S[K], S & R> };
  /** Settings read by a pattern of variables rather than by name; they push their problems. */
  read?(env: NodeJS.ProcessEnv, overrides: Record<string, unknown>, problems: string[], sofar: Partial<S & R>): object;
  /** The rules between settings: what is refused (problems) and warned about; may fill generated values. */
  check?(c: Partial<S & R>, problems: string[], warnings: ConfigWarning[]): void;
  /** The reference rows of what `read` reads. */
  reference?: readonly SettingReference[];
}

/** A settings group, typed: `defineSettings<Mine, WhatIRead>({ … })`. */
export function defineSettings<S extends object, R extends object = object>(group: SettingsGroup<S, R>): SettingsGroup<S, R> {
  return group;
}

// Groups of different shapes, read alike.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyGroup = SettingsGroup<any, any>;
type AnyField = SettingField<unknown, Record<string, unknown>>;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
    this.name = 'ConfigError';
  }
}

/**
 * Reads and validates every setting of the groups once, in their order.
 * Options win over the environment and are checked by the same rules. Throws
 * ConfigError naming each bad variable and what it allows. Secrets come back
 * non-enumerable.
 */
export function loadSettings<T extends object>(
  groups: readonly AnyGroup[],
  env: NodeJS.ProcessEnv,
  given: object,
  warnings: ConfigWarning[],
): T {
  const overrides = given as Record<string, unknown>;
  const problems: string[] = [];
  const out: Record<string, unknown> = {};
  for (const group of groups) {
    for (const [key, field] of Object.entries(group.fields) as [string, AnyField][]) {
      const given = overrides[key];
      if (given !== undefined) {
        if (field.rule.check(given)) out[key] = given;
        else problems.push(`${field.env} must be ${field.rule.allowed}`);
        continue;
      }
      const raw = env[field.env];
      if (raw !== undefined && raw.trim() !== '') {
        const parsed = field.rule.parse(raw);
        if (parsed === undefined) problems.push(`${field.env} must be ${field.rule.allowed}`);
        else out[key] = parsed;
        continue;
      }
      out[key] = typeof field.default === 'function' ? (field.default as (c: unknown) => unknown)(out) : field.default;
    }
    if (group.read) Object.assign(out, group.read(env, overrides, problems, out));
  }
  for (const group of groups) group.check?.(out, problems, warnings);
  if (problems.length) throw new ConfigError(problems);
  return hideSecrets(out as T, secretKeys(groups));
}

/**
 * A key production must be given; elsewhere, when unset, one is generated
 * for this run, with a warning saying what a restart then loses.
 */
export function keyOrGenerated(
  given: string | undefined,
  { production, variable, generate, lost }: { production?: boolean; variable: string; generate: () => string; lost: string },
  problems: string[],
  warnings: ConfigWarning[],
): string {
  if (given) return given;
  if (production) problems.push(`${variable} must be set when NODE_ENV=production`);
  warnings.push({ variable, message: `not set: using a generated key (${lost} do not survive a restart)` });
  return generate();
}

/** The settings marked `secret`: keys, tokens, the HMAC secret. */
export function secretKeys(groups: readonly AnyGroup[]): string[] {
  return groups.flatMap((g) => Object.entries(g.fields as Record<string, AnyField>).filter(([, f]) => f.secret).map(([k]) => k));
}

/** Every variable the groups read, what it allows, its default and its meaning: docs/configuration.md. */
export function settingsReference(groups: readonly AnyGroup[]): { title: string; rows: SettingReference[] }[] {
  return groups.map((group) => ({
    title: group.title,
    rows: [
      ...(Object.values(group.fields) as AnyField[]).map((f) => ({
        variable: f.env,
        allowed: f.rule.allowed,
        default:
          f.defaultDoc ??
          (typeof f.default === 'function' ? 'computed' : f.default === undefined ? '–' : `\`${JSON.stringify(f.default)}\``),
        doc: f.doc,
      })),
      ...(group.reference ?? []),
    ],
  }));
}

/** The reference as the Markdown that docs/configuration.md holds between its markers. */
export function settingsMarkdown(groups: readonly AnyGroup[]): string {
  const cell = (s: string) => s.replace(/\|/g, '\\|');
  return settingsReference(groups)
    .map(({ title, rows }) =>
      [
        `### ${title}`,
        '',
        '| Variable | Default | Allowed | Meaning |',
        '| --- | --- | --- | --- |',
        ...rows.map((r) => `| \`${r.variable}\` | ${cell(r.default)} | ${cell(r.allowed)} | ${cell(r.doc)} |`),
      ].join('\n'),
    )
    .join('\n\n');
}

/**
 * Makes the secrets of a configuration object (or of a slice of it)
 * non-enumerable: read by name as usual, but absent from JSON.stringify,
 * util.inspect, spreads and Object.keys, so no dump or log line can print them.
 */
export function hideSecrets<T extends object>(config: T, keys: readonly string[]): T {
  for (const key of keys) {
    if (key in config)
      Object.defineProperty(config, key, { value: (config as Record<string, unknown>)[key], enumerable: false });
  }
  return config;
}

/** The whole configuration: only the module definition injects it, to give each feature its slice. */
export const MFA_CONFIG = Symbol('MFA_CONFIG');

/**
 * Provides `token` as the given keys of the whole configuration: a feature's
 * slice. Secrets among them stay hidden (they were non-enumerable in the whole).
 */
export function configSlice<T extends object>(token: symbol, keys: readonly (keyof T & string)[]) {
  return {
    provide: token,
    inject: [MFA_CONFIG],
    useFactory: (config: object): T => {
      const whole = config as Record<string, unknown>;
      const slice = Object.fromEntries(keys.map((k) => [k, whole[k]])) as T;
      return hideSecrets(slice, keys.filter((k) => !Object.prototype.propertyIsEnumerable.call(whole, k)));
    },
  };
}
