import { MfaError } from '../common/mfa-error';

/**
 * The backoff for runs of wrong codes (SMS and TOTP alike): from `threshold`
 * consecutive failures on, each failure imposes a wait of 30 s doubling up to
 * an hour. One place for the policy; each factor keeps its own table.
 */
const waitAfter = (failures: string, threshold: string, now: string) =>
  `CASE WHEN ${failures} >= ${threshold}::int
     THEN ${now}::timestamptz + make_interval(secs => LEAST(3600, 30 * power(2, LEAST(${failures} - ${threshold}::int, 20))))
   END`;

/**
 * An atomic upsert that counts one more failure in `table` (user_id,
 * consecutive, locked_until, updated_at). `from` restricts it (e.g. "FROM
 * counted" inside a CTE: nothing is counted when that is empty).
 */
export function countFailureSql(table: string, p: { user: string; now: string; threshold: string }, from = ''): string {
  return `INSERT INTO ${table} AS f (user_id, consecutive, locked_until, updated_at)
          SELECT ${p.user}, 1, ${waitAfter('1', p.threshold, p.now)}, ${p.now} ${from}
          ON CONFLICT (user_id) DO UPDATE SET
            consecutive = f.consecutive + 1,
            updated_at = ${p.now},
            locked_until = ${waitAfter('f.consecutive + 1', p.threshold, p.now)}`;
}

/** RATE_LIMITED while a run of failures imposes a wait; undefined otherwise. */
export function waitingError(limit: string, lockedUntil: Date | undefined, now: Date): MfaError | undefined {
  if (!lockedUntil || lockedUntil <= now) return undefined;
  return new MfaError('RATE_LIMITED', 'Too many wrong codes: wait before trying again.', {
    limit,
    retryAfterSeconds: Math.ceil((lockedUntil.getTime() - now.getTime()) / 1000),
  });
}
