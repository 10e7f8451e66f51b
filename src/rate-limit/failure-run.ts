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

/**
 * Count first, check after: an atomic upsert that takes one guess on the
 * user's run in `table` *before* the code is compared, and only while no wait
 * is running and the run is below `hardLimit`. ON CONFLICT DO UPDATE locks the
 * run's row and re-evaluates its WHERE on the newest version, so concurrent
 * guesses are serialised: when a wait ends, exactly one guess is taken and it
 * starts the next wait. A right code then ends the run (deleting the row), which
 * undoes the count. Returns the run length when the guess was taken.
 */
export function takeGuessSql(
  table: string,
  p: { user: string; now: string; threshold: string; hardLimit: string },
  from = '',
): string {
  return `INSERT INTO ${table} AS f (user_id, consecutive, locked_until, updated_at)
          SELECT ${p.user}, 1, ${waitAfter('1', p.threshold, p.now)}, ${p.now} ${from}
          ON CONFLICT (user_id) DO UPDATE SET
            consecutive = f.consecutive + 1,
            updated_at = ${p.now},
            locked_until = ${waitAfter('f.consecutive + 1', p.threshold, p.now)}
          WHERE (f.locked_until IS NULL OR f.locked_until <= ${p.now}::timestamptz) AND f.consecutive < ${p.hardLimit}::int
          RETURNING consecutive`;
}

/** Why a guess was not taken: the hard stop, or the running wait (30 s when a concurrent guess just started one). */
export function guessRefused(limit: string, run: { failures: number; lockedUntil?: Date }, hardLimit: number, now: Date): MfaError {
  if (run.failures >= hardLimit) {
    return new MfaError('RATE_LIMITED', 'Too many wrong codes: verify with another factor or contact support.', { limit });
  }
  return (
    waitingError(limit, run.lockedUntil, now) ??
    new MfaError('RATE_LIMITED', 'Too many wrong codes: wait before trying again.', { limit, retryAfterSeconds: 30 })
  );
}

/** RATE_LIMITED while a run of failures imposes a wait; undefined otherwise. */
export function waitingError(limit: string, lockedUntil: Date | undefined, now: Date): MfaError | undefined {
  if (!lockedUntil || lockedUntil <= now) return undefined;
  return new MfaError('RATE_LIMITED', 'Too many wrong codes: wait before trying again.', {
    limit,
    retryAfterSeconds: Math.ceil((lockedUntil.getTime() - now.getTime()) / 1000),
  });
}
