import { Injectable } from '@nestjs/common';
import { MfaDb, Queryable } from '../database/mfa-db';

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
function takeGuessSql(
  table: string,
  p: { user: string; now: string; threshold: string; hardLimit: string },
  from = '',
): string {
  return `${countFailureSql(table, p, from)}
          WHERE (f.locked_until IS NULL OR f.locked_until <= ${p.now}::timestamptz) AND f.consecutive < ${p.hardLimit}::int
          RETURNING consecutive`;
}

/** Each factor keeps its own run of consecutive wrong codes: SMS codes and recovery codes share one, TOTP has its own. */
export type FailureRunKind = 'sms' | 'totp';
const TABLES: Record<FailureRunKind, string> = { sms: 'mfa_verify_failures', totp: 'mfa_totp_failures' };

export interface GuessOutcome {
  /** The guess was counted and may be compared. */
  taken: boolean;
  /** The run as it stood before this guess (why a refused guess was refused). */
  failures: number;
  lockedUntil?: Date;
}

/** The runs of wrong codes behind verification lockouts. */
@Injectable()
export class FailureRunsRepository {
  constructor(private readonly db: MfaDb) {}

  /** One more wrong code on the user's run (the guess was already counted on its challenge); the run as it now stands. */
  async countFailure(
    kind: FailureRunKind,
    userId: string,
    now: Date,
    threshold: number,
  ): Promise<{ failures: number; lockedUntil?: Date }> {
    const [r] = await this.db.query<{ consecutive: number; locked_until: Date | null }>(
      `${countFailureSql(TABLES[kind], { user: '$1', now: '$2', threshold: '$3' })} RETURNING consecutive, locked_until`,
      [userId, now, threshold],
    );
    return { failures: r.consecutive, lockedUntil: r.locked_until ?? undefined };
  }

  /**
   * One guess, counted before it is compared (see takeGuessSql): exactly one
   * per wait, none past the hard limit. `query`: a caller's transaction.
   */
  async takeGuess(
    kind: FailureRunKind,
    userId: string,
    now: Date,
    threshold: number,
    hardLimit: number,
    query: Queryable = (text, params) => this.db.query(text, params),
  ): Promise<GuessOutcome> {
    /** `taken`: the run's length when the guess was taken, else NULL; the run as it stood (NULL: none). */
    interface GuessRow {
      taken: number | null;
      consecutive: number | null;
      locked_until: Date | null;
    }
    const [r] = await query<GuessRow>(
      `WITH guess AS (${takeGuessSql(TABLES[kind], { user: '$1', now: '$2', threshold: '$3', hardLimit: '$4' })})
       SELECT (SELECT consecutive FROM guess) AS taken, f.consecutive, f.locked_until
         FROM (SELECT 1) AS one LEFT JOIN ${TABLES[kind]} f ON f.user_id = $1`,
      [userId, now, threshold, hardLimit],
    );
    return {
      taken: r.taken !== null,
      failures: Number(r.consecutive ?? 0),
      lockedUntil: r.locked_until ? new Date(r.locked_until) : undefined,
    };
  }

  /** Ends the user's runs (a success with another factor, or an admin reset). */
  async reset(userId: string, kinds: FailureRunKind[] = ['sms', 'totp']): Promise<void> {
    for (const kind of kinds) await this.db.query(`DELETE FROM ${TABLES[kind]} WHERE user_id = $1`, [userId]);
  }

  /** GDPR access: the user's runs of wrong codes. */
  async exportFor(userId: string) {
    const runs = await Promise.all(
      (Object.keys(TABLES) as FailureRunKind[]).map((kind) =>
        this.db.query<FailureRunExportRow>(
          `SELECT $2::text AS factor, consecutive, locked_until AS "lockedUntil" FROM ${TABLES[kind]} WHERE user_id = $1`,
          [userId, kind],
        ),
      ),
    );
    return runs.flat();
  }

  async eraseFor(userId: string, query: Queryable): Promise<void> {
    for (const table of Object.values(TABLES)) await query(`DELETE FROM ${table} WHERE user_id = $1`, [userId]);
  }
}

export interface FailureRunExportRow {
  factor: FailureRunKind;
  consecutive: number;
  lockedUntil: Date | null;
}
