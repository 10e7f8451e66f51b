import { Injectable } from '@nestjs/common';
import {
  AssuranceRow,
  RaisedAssuranceRow,
  raiseAssuranceSql,
  stepUpSql,
  toAssurance,
} from '../assurance/assurance.repository';
import type { AssuranceRaise, StepUpCheck } from '../assurance/assurance.service';
import { inUserFactorsLock, lockForTransaction } from '../database/advisory-lock';
import { MfaDb, Queryable } from '../database/mfa-db';
import type { GuessOutcome } from '../rate-limit/failure-runs.repository';

/** How a use of a recovery code ended. */
export type RecoveryUse =
  | { outcome: 'used'; remaining: number; assurance?: AssuranceRow }
  | { outcome: 'already_used' | 'none' | 'wrong' }
  | { outcome: 'guess_refused'; guess: GuessOutcome };

export interface RecoveryCodeSet {
  id: string;
  remaining: number;
  createdAt: Date;
}

/** Recovery codes: keyed hashes only, one set per user. */
@Injectable()
export class RecoveryCodesRepository {
  constructor(private readonly db: MfaDb) {}

  /**
   * Atomic: replaces the user's whole set, only while the step-up condition
   * holds for this session (checked in the same statement). false: refused.
   * Under the user's factor lock: two concurrent replacements would otherwise
   * each delete only what was committed before them and both insert.
   */
  async replaceSet(userId: string, setId: string, hashes: Buffer[], stepUp: StepUpCheck, now: Date): Promise<boolean> {
    interface AllowedRow {
      ok: boolean;
    }
    const [r] = await inUserFactorsLock(this.db, userId, (query) =>
      query<AllowedRow>(
        `WITH allowed AS (SELECT ${stepUpSql({ user: '$1', session: '$4', since: '$5', now: '$6' })} AS ok),
       dropped AS (DELETE FROM mfa_recovery_codes WHERE user_id = $1 AND (SELECT ok FROM allowed)),
       added AS (
         INSERT INTO mfa_recovery_codes (user_id, set_id, code_hash, created_at)
         SELECT $1, $2, h, $6 FROM unnest($3::bytea[]) h WHERE (SELECT ok FROM allowed)
       )
       SELECT ok FROM allowed`,
        [userId, setId, hashes, stepUp.session, stepUp.since, now],
      ),
    );
    return r.ok;
  }

  /**
   * One use of a recovery code, in turn with the user's other uses (a
   * per-user lock): so a right code submitted twice at once is used by the
   * first and found "already used" by the second, which takes no guess.
   * In order: no codes at all, or this code already used, answers at no
   * guess; else `takeGuess` counts the guess (count first, in this
   * transaction); then the single use.
   */
  async useInTurn(
    userId: string,
    hash: Buffer,
    raise: AssuranceRaise,
    takeGuess: (query: Queryable) => Promise<GuessOutcome>,
  ): Promise<RecoveryUse> {
    interface CodeStateRow {
      has_unused: boolean | null;
      already_used: boolean | null;
    }
    return this.db.transaction(async (query) => {
      await lockForTransaction(query, `mfa-recovery-use:${userId}`);
      const [state] = await query<CodeStateRow>(
        `SELECT bool_or(used_at IS NULL) AS has_unused, bool_or(code_hash = $2 AND used_at IS NOT NULL) AS already_used
           FROM mfa_recovery_codes WHERE user_id = $1`,
        [userId, hash],
      );
      if (state.already_used) return { outcome: 'already_used' };
      if (!state.has_unused) return { outcome: 'none' };
      const guess = await takeGuess(query);
      if (!guess.taken) return { outcome: 'guess_refused', guess };
      const used = await this.use(userId, hash, raise, query);
      return used ? { outcome: 'used', ...used } : { outcome: 'wrong' };
    });
  }

  /**
   * Atomic single use: marks the code used only if it was unused (of N
   * concurrent uses exactly one gets a row), and in the same statement ends
   * the user's runs of wrong codes and raises the session's assurance.
   */
  async use(
    userId: string,
    hash: Buffer,
    raise: AssuranceRaise,
    query: Queryable = (text, params) => this.db.query(text, params),
  ): Promise<{ remaining: number; assurance?: AssuranceRow } | undefined> {
    /** The codes left in the set (a bigint count) and the raise. */
    type UsedCodeRow = { remaining: string } & RaisedAssuranceRow;
    const rows = await query<UsedCodeRow>(
      `WITH used AS (
         UPDATE mfa_recovery_codes SET used_at = $3 WHERE user_id = $1 AND code_hash = $2 AND used_at IS NULL
         RETURNING set_id
       ), reset AS (
         DELETE FROM mfa_verify_failures WHERE user_id = $1 AND EXISTS (SELECT 1 FROM used)
       ), reset_totp AS (
         DELETE FROM mfa_totp_failures WHERE user_id = $1 AND EXISTS (SELECT 1 FROM used)
       ), raised AS (
         ${raiseAssuranceSql({ user: '$1', session: '$4', method: '$5', now: '$3', expires: '$6' }, 'FROM used')}
       )
       SELECT (SELECT count(*) FROM mfa_recovery_codes c WHERE c.set_id = used.set_id AND c.used_at IS NULL) - 1 AS remaining,
              raised.methods, raised.verified_at, raised.expires_at
         FROM used LEFT JOIN raised ON true`,
      [userId, hash, raise.now, raise.session, raise.method, raise.expiresAt],
    );
    const r = rows[0];
    if (!r) return undefined;
    return { remaining: Number(r.remaining), assurance: r.methods ? toAssurance(r) : undefined };
  }

  async list(userId: string): Promise<RecoveryCodeSet[]> {
    interface CodeSetRow {
      set_id: string;
      remaining: string;
      created_at: Date;
    }
    const rows = await this.db.query<CodeSetRow>(
      `SELECT set_id, count(*) FILTER (WHERE used_at IS NULL) AS remaining, min(created_at) AS created_at
         FROM mfa_recovery_codes WHERE user_id = $1 GROUP BY set_id`,
      [userId],
    );
    return rows.map((r) => ({ id: r.set_id, remaining: Number(r.remaining), createdAt: new Date(r.created_at) }));
  }

  /** GDPR access: how many codes remain in each set (never a code). */
  exportFor(userId: string) {
    return this.db.query<RecoveryCodeSetExportRow>(
      `SELECT set_id AS id, count(*) FILTER (WHERE used_at IS NULL)::int AS remaining, min(created_at) AS "createdAt"
         FROM mfa_recovery_codes WHERE user_id = $1 GROUP BY set_id`,
      [userId],
    );
  }

  async eraseFor(userId: string, query: Queryable): Promise<number> {
    return (await query(`DELETE FROM mfa_recovery_codes WHERE user_id = $1 RETURNING 1`, [userId])).length;
  }
}

export interface RecoveryCodeSetExportRow {
  id: string;
  remaining: number;
  createdAt: Date;
}
