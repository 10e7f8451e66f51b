import { Injectable } from '@nestjs/common';
import { MfaDb, Queryable } from '../database/mfa-db';
import { takeGuessSql } from './failure-run';

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

  /** One guess, counted before it is compared (see takeGuessSql): exactly one per wait, none past the hard limit. */
  async takeGuess(kind: FailureRunKind, userId: string, now: Date, threshold: number, hardLimit: number): Promise<GuessOutcome> {
    const [r] = await this.db.query(
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
        this.db.query(`SELECT $2::text AS factor, consecutive, locked_until AS "lockedUntil" FROM ${TABLES[kind]} WHERE user_id = $1`, [
          userId,
          kind,
        ]),
      ),
    );
    return runs.flat();
  }

  async eraseFor(userId: string, query: Queryable): Promise<void> {
    for (const table of Object.values(TABLES)) await query(`DELETE FROM ${table} WHERE user_id = $1`, [userId]);
  }
}
