import { Injectable } from '@nestjs/common';
import { MfaDb, Queryable } from '../database/mfa-db';
import { purgeBatch } from '../database/purge';

/** A session's second-factor state, as stored. */
export interface AssuranceRow {
  methods: string[];
  verifiedAt: Date;
  expiresAt: Date;
}

/** The assurance columns as Postgres returns them (a raise's RETURNING, or a read of mfa_assurance). */
export interface AssuranceStateRow {
  methods: string[];
  verified_at: Date;
  expires_at: Date;
}

/** A raise's columns after a LEFT JOIN: all null when nothing was raised. */
export type RaisedAssuranceRow = AssuranceStateRow | { methods: null; verified_at: null; expires_at: null };

/** Placeholders (or SQL expressions) naming a raise's values inside a caller's statement. */
export interface RaiseParams {
  user: string;
  /** bytea session key; NULL raises nothing. */
  session: string;
  method: string;
  now: string;
  expires: string;
}

/**
 * The statement fragment that puts a session at aal2, for the repositories
 * whose single-use statement proves a factor (consume an SMS code, use a TOTP
 * step, use a recovery code): the raise is folded into that statement, so a
 * verification and its assurance commit together, at no extra round trip.
 * This table's only writer outside this file, with one copy in PL/pgSQL:
 * mfa_consume_challenges (challenges/sql/mfa_verify_batches.sql) raises the
 * same way; change both together. `from` is a FROM clause (no
 * WHERE) that yields one row when the proof succeeded. Methods accumulate
 * while the session stays at aal2 and start afresh after it lapsed.
 */
export function raiseAssuranceSql(p: RaiseParams, from: string): string {
  return `INSERT INTO mfa_assurance AS a (user_id, session_hash, methods, verified_at, expires_at)
          SELECT ${p.user}, ${p.session}::bytea, ARRAY[${p.method}::text], ${p.now}::timestamptz, ${p.expires}::timestamptz
            ${from} WHERE ${p.session}::bytea IS NOT NULL
          ON CONFLICT (user_id, session_hash) DO UPDATE SET
            methods = CASE WHEN a.expires_at > EXCLUDED.verified_at
                           THEN ARRAY(SELECT DISTINCT m FROM unnest(a.methods || EXCLUDED.methods) m ORDER BY m)
                           ELSE EXCLUDED.methods END,
            verified_at = GREATEST(a.verified_at, EXCLUDED.verified_at),
            expires_at = GREATEST(a.expires_at, EXCLUDED.expires_at)
          RETURNING methods, verified_at, expires_at`;
}

/** Whether the user holds each kind of second factor: a verified SMS or TOTP factor, an unused recovery code. */
const factorSql = (user: string) => ({
  sms: `EXISTS (SELECT 1 FROM mfa_sms_factors WHERE user_id = ${user} AND verified_at IS NOT NULL)`,
  totp: `EXISTS (SELECT 1 FROM mfa_totp_factors WHERE user_id = ${user} AND verified_at IS NOT NULL)`,
  recovery: `EXISTS (SELECT 1 FROM mfa_recovery_codes WHERE user_id = ${user} AND used_at IS NULL)`,
});

type StepUpParams = { user: string; session: string; since: string; now: string };

/** Whether this session verified a factor at or after `since` and is still at aal2. */
const sessionVerifiedSql = (p: StepUpParams, lock: boolean) =>
  `EXISTS (SELECT 1 FROM mfa_assurance s
            WHERE s.user_id = ${p.user} AND s.session_hash = ${p.session}::bytea
              AND s.verified_at >= ${p.since}::timestamptz AND s.expires_at > ${p.now}::timestamptz
            ${lock ? 'FOR SHARE' : ''})`;

/**
 * The step-up condition, for the statements that change a user's factors:
 * the user has no second factor yet, or this session verified one at or after
 * `since`. The session's row is read FOR SHARE, so a change racing the end of
 * that session (logout) or its re-verification waits for it and decides on
 * what committed: check and change are one statement, never check-then-act.
 */
export function stepUpSql(p: StepUpParams): string {
  return `(NOT (${Object.values(factorSql(p.user)).join(' OR ')}) OR ${sessionVerifiedSql(p, true)})`;
}

/** Per-session assurance rows: read, end, purge; the step-up pre-check. */
@Injectable()
export class AssuranceRepository {
  constructor(private readonly db: MfaDb) {}

  /** The session's state while it is at aal2. */
  async find(userId: string, session: Buffer, now: Date): Promise<AssuranceRow | undefined> {
    const rows = await this.db.query<AssuranceStateRow>(
      `SELECT methods, verified_at, expires_at FROM mfa_assurance
        WHERE user_id = $1 AND session_hash = $2 AND expires_at > $3`,
      [userId, session, now],
    );
    return rows[0] && toAssurance(rows[0]);
  }

  async end(userId: string, session: Buffer): Promise<void> {
    await this.db.query(`DELETE FROM mfa_assurance WHERE user_id = $1 AND session_hash = $2`, [userId, session]);
  }

  /**
   * Whether a factor change may go ahead now, and the methods the user could
   * step up with. A pre-check that refuses before anything is sent; the
   * statements that change factors repeat the condition atomically.
   */
  async stepUpState(
    userId: string,
    session: Buffer | null,
    since: Date,
    now: Date,
  ): Promise<{ allowed: boolean; methods: string[] }> {
    interface StepUpStateRow {
      sms: boolean;
      totp: boolean;
      recovery: boolean;
      session: boolean;
    }
    const factor = factorSql('$1');
    const [r] = await this.db.query<StepUpStateRow>(
      `SELECT ${factor.sms} AS sms, ${factor.totp} AS totp, ${factor.recovery} AS recovery,
              ${sessionVerifiedSql({ user: '$1', session: '$2', since: '$3', now: '$4' }, false)} AS session`,
      [userId, session, since, now],
    );
    const methods = [r.totp && 'totp', r.sms && 'sms', r.recovery && 'recovery_code'].filter((m): m is string => !!m);
    // The step-up condition of stepUpSql, read without locking.
    return { allowed: !methods.length || r.session, methods };
  }

  /** One batch of sessions whose aal2 lapsed before `now`. */
  purgeBefore(now: Date, limit: number): Promise<number> {
    return purgeBatch(this.db.query.bind(this.db), 'mfa_assurance', 'expires_at < $2', limit, [now]);
  }

  /** GDPR access: the user's sessions at aal2 (keyed by a hash of the session id). */
  exportFor(userId: string) {
    return this.db.query<SessionExportRow>(
      `SELECT methods, verified_at AS "verifiedAt", expires_at AS "expiresAt" FROM mfa_assurance WHERE user_id = $1 ORDER BY verified_at`,
      [userId],
    );
  }

  async eraseFor(userId: string, query: Queryable): Promise<number> {
    return (await query(`DELETE FROM mfa_assurance WHERE user_id = $1 RETURNING 1`, [userId])).length;
  }
}

export interface SessionExportRow {
  methods: string[];
  verifiedAt: Date;
  expiresAt: Date;
}

export function toAssurance(r: AssuranceStateRow): AssuranceRow {
  return {
    methods: r.methods,
    verifiedAt: new Date(r.verified_at),
    expiresAt: new Date(r.expires_at),
  };
}
