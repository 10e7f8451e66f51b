import { Injectable } from '@nestjs/common';
import {
  AssuranceRow,
  RaisedAssuranceRow,
  raiseAssuranceSql,
  stepUpSql,
  toAssurance,
} from '../assurance/assurance.repository';
import type { AssuranceRaise, StepUpCheck } from '../assurance/assurance.service';
import { inUserFactorsLock } from '../database/advisory-lock';
import { MfaDb } from '../database/mfa-db';
import { Factor, FactorExportRow, FactorRow, FactorsTable, toFactor } from './factors-table';

export interface TotpFactor extends Factor {
  secretEnc: Buffer;
  keyId: string;
  lastStep?: number;
}

@Injectable()
export class TotpFactorsRepository extends FactorsTable<TotpFactorRow, TotpFactor> {
  constructor(db: MfaDb) {
    super(db, 'mfa_totp_factors', toTotpFactor);
  }

  /**
   * A new unverified factor; the user's other unverified ones are dropped (one
   * enrolment at a time). Atomic with the step-up check, under the user's
   * factor lock: false when refused.
   */
  async createPending(
    id: string,
    userId: string,
    secretEnc: Buffer,
    keyId: string,
    now: Date,
    stepUp: StepUpCheck,
  ): Promise<boolean> {
    interface AllowedRow {
      ok: boolean;
    }
    const [r] = await inUserFactorsLock(this.db, userId, (query) =>
      query<AllowedRow>(
        `WITH allowed AS (SELECT ${stepUpSql({ user: '$2', session: '$6', since: '$7', now: '$5' })} AS ok),
       dropped AS (DELETE FROM mfa_totp_factors WHERE user_id = $2 AND verified_at IS NULL AND (SELECT ok FROM allowed)),
       created AS (
         INSERT INTO mfa_totp_factors (id, user_id, secret_enc, key_id, created_at)
         SELECT $1, $2, $3, $4, $5 WHERE (SELECT ok FROM allowed)
       )
       SELECT ok FROM allowed`,
        [id, userId, secretEnc, keyId, now, stepUp.session, stepUp.since],
      ),
    );
    return r.ok;
  }

  /** The newest pending factor (for activation) or the verified one (for verification). */
  async find(userId: string, verified: boolean): Promise<TotpFactor | undefined> {
    const rows = await this.db.query<TotpFactorRow>(
      `SELECT * FROM mfa_totp_factors WHERE user_id = $1 AND (verified_at IS NOT NULL) = $2 ORDER BY created_at DESC LIMIT 1`,
      [userId, verified],
    );
    return rows[0] && toTotpFactor(rows[0]);
  }

  /**
   * Atomic single use of a time step: succeeds only if no code of this or a
   * later step was accepted before. In the same statement: ends the user's run
   * of wrong TOTP codes and raises the session's assurance. Activation also verifies the
   * factor and replaces the user's previous TOTP factor, only while `activation`
   * (the step-up condition) holds, under the user's factor lock (a login
   * verification changes no factor and takes no lock).
   */
  async useStep(
    id: string,
    userId: string,
    step: number,
    raise: AssuranceRaise,
    activation?: StepUpCheck,
  ): Promise<{ allowed: boolean; used: boolean; assurance?: AssuranceRow }> {
    /** `used`: the factor's id when the step was taken, else NULL. */
    type UsedStepRow = { allowed: boolean; used: string | null } & RaisedAssuranceRow;
    const run = <T>(text: string, params: unknown[]) =>
      activation
        ? inUserFactorsLock(this.db, userId, (query) => query<T>(text, params))
        : this.db.query<T>(text, params);
    const [r] = await run<UsedStepRow>(
      `WITH allowed AS (
         SELECT NOT $5 OR ${stepUpSql({ user: '$2', session: '$6', since: '$7', now: '$4' })} AS ok
       ), used AS (
         UPDATE mfa_totp_factors
            SET last_step = $3, last_used_at = $4, verified_at = CASE WHEN $5 THEN $4 ELSE verified_at END
          WHERE id = $1 AND user_id = $2 AND (last_step IS NULL OR last_step < $3) AND (SELECT ok FROM allowed)
          RETURNING id
       ), replaced AS (
         DELETE FROM mfa_totp_factors WHERE $5 AND user_id = $2 AND id <> $1 AND EXISTS (SELECT 1 FROM used)
       ), reset AS (
         DELETE FROM mfa_totp_failures WHERE user_id = $2 AND EXISTS (SELECT 1 FROM used)
       ), raised AS (
         ${raiseAssuranceSql({ user: '$2', session: '$8', method: "'totp'", now: '$4', expires: '$9' }, 'FROM used')}
       )
       SELECT (SELECT ok FROM allowed) AS allowed, (SELECT id FROM used) AS used, raised.methods, raised.verified_at, raised.expires_at
         FROM (SELECT 1) AS one LEFT JOIN raised ON true`,
      [
        id,
        userId,
        step,
        raise.now,
        activation !== undefined,
        activation?.session ?? null,
        activation?.since ?? raise.now,
        raise.session,
        raise.expiresAt,
      ],
    );
    return { allowed: r.allowed, used: r.used !== null, assurance: r.methods ? toAssurance(r) : undefined };
  }

  /** Re-seals a secret under the current key (rotation, done lazily on use). */
  async reseal(id: string, secretEnc: Buffer, keyId: string): Promise<void> {
    await this.db.query(`UPDATE mfa_totp_factors SET secret_enc = $2, key_id = $3 WHERE id = $1`, [
      id,
      secretEnc,
      keyId,
    ]);
  }

  /** GDPR access: which TOTP factors exist and when they were used (never a secret). */
  exportFor(userId: string) {
    return this.db.query<TotpFactorExportRow>(
      `SELECT id, verified_at AS "verifiedAt", created_at AS "createdAt", last_used_at AS "lastUsedAt"
         FROM mfa_totp_factors WHERE user_id = $1 ORDER BY created_at`,
      [userId],
    );
  }
}

/** A row of mfa_totp_factors. */
interface TotpFactorRow extends FactorRow {
  secret_enc: Buffer;
  key_id: string;
  /** bigint: a string. */
  last_step: string | null;
}

/** Which TOTP factors exist and when they were used: the common columns only, never a secret. */
export type TotpFactorExportRow = FactorExportRow;

function toTotpFactor(r: TotpFactorRow): TotpFactor {
  return {
    ...toFactor(r),
    secretEnc: r.secret_enc,
    keyId: r.key_id,
    lastStep: r.last_step === null ? undefined : Number(r.last_step),
  };
}
