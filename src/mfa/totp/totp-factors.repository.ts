import { Injectable } from '@nestjs/common';
import { MfaDb } from '../../database/mfa-db';
import { countFailureSql } from '../../rate-limit/failure-run';

export interface TotpFactor {
  id: string;
  userId: string;
  secretEnc: Buffer;
  keyId: string;
  verifiedAt?: Date;
  createdAt: Date;
  lastUsedAt?: Date;
  lastStep?: number;
  /** The user's run of wrong TOTP codes, read with the factor. */
  failures: number;
  lockedUntil?: Date;
}

@Injectable()
export class TotpFactorsRepository {
  constructor(private readonly db: MfaDb) {}

  /** A new unverified factor; the user's other unverified ones are dropped (one enrolment at a time). */
  async createPending(id: string, userId: string, secretEnc: Buffer, keyId: string, now: Date): Promise<void> {
    await this.db.query(
      `WITH dropped AS (DELETE FROM mfa_totp_factors WHERE user_id = $2 AND verified_at IS NULL)
       INSERT INTO mfa_totp_factors (id, user_id, secret_enc, key_id, created_at) VALUES ($1, $2, $3, $4, $5)`,
      [id, userId, secretEnc, keyId, now],
    );
  }

  /** The newest pending factor (for activation) or the verified one (for verification), with the failure run. */
  async find(userId: string, verified: boolean): Promise<TotpFactor | undefined> {
    const rows = await this.db.query(
      `SELECT t.*, f.consecutive AS failures, f.locked_until
         FROM mfa_totp_factors t LEFT JOIN mfa_totp_failures f ON f.user_id = t.user_id
        WHERE t.user_id = $1 AND (t.verified_at IS NOT NULL) = $2
        ORDER BY t.created_at DESC LIMIT 1`,
      [userId, verified],
    );
    return rows[0] && toFactor(rows[0]);
  }

  async list(userId: string): Promise<TotpFactor[]> {
    const rows = await this.db.query(`SELECT * FROM mfa_totp_factors WHERE user_id = $1 ORDER BY created_at`, [userId]);
    return rows.map(toFactor);
  }

  /**
   * Atomic single use of a time step: succeeds only if no code of this or a
   * later step was accepted before. Activation also verifies the factor and
   * replaces the user's previous TOTP factor. Ends the run of wrong codes.
   */
  async useStep(id: string, userId: string, step: number, now: Date, activate: boolean): Promise<boolean> {
    const rows = await this.db.query(
      `WITH used AS (
         UPDATE mfa_totp_factors
            SET last_step = $3, last_used_at = $4, verified_at = CASE WHEN $5 THEN $4 ELSE verified_at END
          WHERE id = $1 AND user_id = $2 AND (last_step IS NULL OR last_step < $3)
          RETURNING id
       ), replaced AS (
         DELETE FROM mfa_totp_factors WHERE $5 AND user_id = $2 AND id <> $1 AND EXISTS (SELECT 1 FROM used)
       ), reset AS (
         DELETE FROM mfa_totp_failures WHERE user_id = $2 AND EXISTS (SELECT 1 FROM used)
       )
       SELECT id FROM used`,
      [id, userId, step, now, activate],
    );
    return rows.length === 1;
  }

  /** Re-seals a secret under the current key (rotation, done lazily on use). */
  async reseal(id: string, secretEnc: Buffer, keyId: string): Promise<void> {
    await this.db.query(`UPDATE mfa_totp_factors SET secret_enc = $2, key_id = $3 WHERE id = $1`, [id, secretEnc, keyId]);
  }

  /** One more wrong code (the backoff policy: failure-run.ts). */
  async recordFailure(userId: string, now: Date, threshold: number): Promise<void> {
    await this.db.query(countFailureSql('mfa_totp_failures', { user: '$1', now: '$2', threshold: '$3' }), [userId, now, threshold]);
  }

  async delete(userId: string, id: string): Promise<boolean> {
    const rows = await this.db.query(`DELETE FROM mfa_totp_factors WHERE id = $1 AND user_id = $2 RETURNING id`, [id, userId]);
    return rows.length === 1;
  }
}

function toFactor(r: Record<string, any>): TotpFactor {
  return {
    id: r.id,
    userId: r.user_id,
    secretEnc: r.secret_enc,
    keyId: r.key_id,
    verifiedAt: r.verified_at ? new Date(r.verified_at) : undefined,
    createdAt: new Date(r.created_at),
    lastUsedAt: r.last_used_at ? new Date(r.last_used_at) : undefined,
    lastStep: r.last_step === null ? undefined : Number(r.last_step),
    failures: Number(r.failures ?? 0),
    lockedUntil: r.locked_until ? new Date(r.locked_until) : undefined,
  };
}
