import { MfaError } from './mfa-error';

/**
 * What a log line may say about an error: the module's own errors by their
 * stable code, anything else (a driver's, an SDK's, a provider failure) by its
 * name and code only. A database error's message can quote the values of a
 * row (a phone number, a code hash), so messages of foreign errors are never
 * logged.
 */
export function errorSummary(err: unknown): string {
  if (err instanceof MfaError) return err.code;
  const e = (err ?? {}) as { name?: unknown; code?: unknown; providerCode?: unknown; reason?: unknown };
  const name = typeof e.name === 'string' ? e.name : 'Error';
  const code = [e.code, e.providerCode, e.reason].find((c) => typeof c === 'string' || typeof c === 'number');
  return code === undefined ? name : `${name} (${String(code).slice(0, 64)})`;
}
