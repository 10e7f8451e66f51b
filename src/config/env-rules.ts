/**
 * Tiny, explicit rules for environment variables: each parses a raw string and
 * says in one sentence what is allowed, so a bad value stops start-up with a
 * message that names the variable ("SMS_CODE_LENGTH must be an integer from 4 to 10").
 */
export interface EnvRule<T> {
  /** Parses a raw value; undefined means "not allowed". */
  parse(raw: string): T | undefined;
  /** Checks a typed value (from module options). */
  check(value: unknown): value is T;
  /** "an integer from 4 to 10" */
  allowed: string;
}

export function int(min: number, max: number): EnvRule<number> {
  const check = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max;
  return {
    parse: (raw) => (/^-?\d+$/.test(raw.trim()) && check(Number(raw)) ? Number(raw) : undefined),
    check,
    allowed: `an integer from ${min} to ${max}`,
  };
}

export function decimal(min: number, max: number): EnvRule<number> {
  const check = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= min && v <= max;
  return {
    parse: (raw) => (/^\d+(\.\d+)?$/.test(raw.trim()) && check(Number(raw)) ? Number(raw) : undefined),
    check,
    allowed: `a number from ${min} to ${max}`,
  };
}

export function bool(): EnvRule<boolean> {
  return {
    parse: (raw) => {
      const v = raw.trim().toLowerCase();
      if (['true', '1', 'yes', 'on'].includes(v)) return true;
      if (['false', '0', 'no', 'off'].includes(v)) return false;
      return undefined;
    },
    check: (v): v is boolean => typeof v === 'boolean',
    allowed: 'true or false',
  };
}

export function oneOf<T extends string>(...values: T[]): EnvRule<T> {
  const check = (v: unknown): v is T => typeof v === 'string' && values.includes(v as T);
  return {
    parse: (raw) => (check(raw.trim()) ? (raw.trim() as T) : undefined),
    check,
    allowed: `one of ${values.join(', ')}`,
  };
}

export function text(pattern?: RegExp, allowed = 'a non-empty string'): EnvRule<string> {
  const check = (v: unknown): v is string => typeof v === 'string' && v.length > 0 && (!pattern || pattern.test(v));
  return { parse: (raw) => (check(raw.trim()) ? raw.trim() : undefined), check, allowed };
}

export function url(protocols: string[]): EnvRule<string> {
  const check = (v: unknown): v is string => {
    if (typeof v !== 'string') return false;
    try {
      return protocols.includes(new URL(v).protocol.replace(':', ''));
    } catch {
      return false;
    }
  };
  return {
    parse: (raw) => (check(raw.trim()) ? raw.trim() : undefined),
    check,
    allowed: `a URL (${protocols.join(', ')})`,
  };
}

const COUNTRY = /^[A-Z]{2}$/;
export function countryList(): EnvRule<string[]> {
  const rule = listOf(COUNTRY, 'a comma-separated list of ISO 3166-1 alpha-2 country codes');
  return { ...rule, parse: (raw) => rule.parse(raw.toUpperCase()) };
}

/** Express `trust proxy`: off, true, loopback/linklocal/uniquelocal, a hop count, or CIDRs/IPs. */
export function trustProxy(): EnvRule<string | number | boolean> {
  const named = /^(loopback|linklocal|uniquelocal)$/;
  const address = /^[0-9a-fA-F:.]+(\/\d{1,3})?$/;
  // `true` (trust every hop) is refused: any client could then name its own address in X-Forwarded-For.
  const check = (v: unknown): v is string | number | boolean =>
    v === false ||
    (typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= 10) ||
    (typeof v === 'string' && v.split(',').every((p) => named.test(p.trim()) || address.test(p.trim())));
  return {
    parse: (raw) => {
      const v = raw.trim();
      if (['off', 'false', ''].includes(v)) return false;
      if (/^\d+$/.test(v)) return check(Number(v)) ? Number(v) : undefined;
      return check(v) ? v : undefined;
    },
    check,
    allowed:
      'off, loopback, a hop count from 0 to 10, or comma-separated IPs/CIDRs (true is refused: it makes X-Forwarded-For spoofable)',
  };
}

/** The items of a comma-separated value, trimmed, empty ones dropped. */
function splitList(raw: string): string[] {
  return raw
    .split(',')
    .map((n) => n.trim())
    .filter(Boolean);
}

/** A comma-separated list whose every item matches `item`. */
function listOf(item: RegExp, allowed: string): EnvRule<string[]> {
  const check = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string' && item.test(x));
  return {
    parse: (raw) => {
      const list = splitList(raw);
      return check(list) ? list : undefined;
    },
    check,
    allowed,
  };
}

/** A comma-separated list of snake_case names (e.g. fraud rule names). */
export function nameList(): EnvRule<string[]> {
  return listOf(/^[a-z][a-z0-9_]*$/, 'a comma-separated list of rule names');
}

/** Comma-separated 256-bit keys, 64 hexadecimal characters each. */
export function hexKeyList(): EnvRule<string[]> {
  return listOf(/^[0-9a-fA-F]{64}$/, 'a comma-separated list of 256-bit keys (64 hexadecimal characters each)');
}

/** A comma-separated list of SNS topic ARNs. */
export function arnList(): EnvRule<string[]> {
  return listOf(
    /^arn:aws[a-z-]*:sns:[a-z0-9-]+:\d{12}:[A-Za-z0-9_-]{1,256}$/,
    'a comma-separated list of SNS topic ARNs (arn:aws:sns:<region>:<account>:<topic>)',
  );
}

/** A comma-separated subset of `values`, without repeats (e.g. `sms,voice`). */
export function subsetOf<T extends string>(...values: T[]): EnvRule<T[]> {
  const check = (v: unknown): v is T[] =>
    Array.isArray(v) && v.length > 0 && new Set(v).size === v.length && v.every((x) => values.includes(x as T));
  return {
    parse: (raw) => {
      const list = splitList(raw.toLowerCase());
      return check(list) ? list : undefined;
    },
    check,
    allowed: `a comma-separated list of ${values.join(', ')}`,
  };
}

/** A regular expression, anchored at both ends (`^…$`), so that it matches whole values only. */
export function regexSource(): EnvRule<string> {
  const check = (v: unknown): v is string => {
    if (typeof v !== 'string' || !v.startsWith('^') || !v.endsWith('$')) return false;
    try {
      new RegExp(v);
      return true;
    } catch {
      return false;
    }
  };
  return { parse: (raw) => (check(raw.trim()) ? raw.trim() : undefined), check, allowed: 'a regular expression anchored with ^ and $' };
}

/** A JSON object from locale (en, pt-BR) to a message template that contains {code}. */
export function templateMap(): EnvRule<Record<string, string>> {
  const check = (v: unknown): v is Record<string, string> =>
    typeof v === 'object' &&
    v !== null &&
    !Array.isArray(v) &&
    Object.entries(v).every(
      ([locale, t]) =>
        /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$/.test(locale) &&
        typeof t === 'string' &&
        t.includes('{code}') &&
        t.length <= 480,
    );
  return {
    parse: (raw) => {
      try {
        const parsed: unknown = JSON.parse(raw);
        return check(parsed) ? parsed : undefined;
      } catch {
        return undefined;
      }
    },
    check,
    allowed: 'a JSON object from locale to a template containing {code} (at most 480 characters)',
  };
}

/** Comma-separated `+E164:digits` pairs, e.g. `+14155550100:123456,+447700900000:654321`. */
export function testNumberMap(): EnvRule<Record<string, string>> {
  const check = (v: unknown): v is Record<string, string> =>
    typeof v === 'object' &&
    v !== null &&
    !Array.isArray(v) &&
    Object.entries(v).every(([n, c]) => /^\+[1-9]\d{6,14}$/.test(n) && typeof c === 'string' && /^\d{4,10}$/.test(c));
  return {
    parse: (raw) => {
      const pairs = splitList(raw).map((p) => p.split(':').map((x) => x.trim()));
      if (pairs.some((p) => p.length !== 2)) return undefined;
      const map = Object.fromEntries(pairs);
      return check(map) ? map : undefined;
    },
    check,
    allowed: 'a comma-separated list of +E164:code pairs (e.g. +14155550100:123456)',
  };
}

/** An ISO 8601 time with a zone, e.g. 2027-01-31T00:00:00Z. */
export function isoTime(): EnvRule<string> {
  const check = (v: unknown): v is string =>
    typeof v === 'string' &&
    /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(v) &&
    !Number.isNaN(Date.parse(v));
  return {
    parse: (raw) => (check(raw.trim()) ? raw.trim() : undefined),
    check,
    allowed: 'an ISO 8601 time with a zone (2027-01-31T00:00:00Z)',
  };
}
