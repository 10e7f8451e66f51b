import { Injectable } from '@nestjs/common';
import { MfaDb } from '../database/mfa-db';

export type ChallengePurpose = 'enroll' | 'login';

export interface NewChallenge {
  id: string;
  userId: string;
  factorId: string;
  phoneE164: string;
  purpose: ChallengePurpose;
  codeHash: Buffer;
  expiresAt: Date;
  maxAttempts: number;
  clientIp?: string;
  createdAt: Date;
  /** The provider that will be tried first: its send-log row is opened with the challenge. */
  firstProvider: string;
  country?: string;
}

export interface ChallengeRow {
  id: string;
  userId: string;
  factorId: string;
  phoneE164: string;
  purpose: ChallengePurpose;
  codeHash: Buffer;
  expiresAt: Date;
  attempts: number;
  maxAttempts: number;
  createdAt: Date;
}

/** Thrown when a concurrent request issued a live challenge for the same user first. */
export class ConcurrentChallengeError extends Error {}

const EXCLUSION_VIOLATION = '23P01';
const LIVE = 'consumed_at IS NULL AND invalidated_at IS NULL';

/** SQL only. Each method that must be atomic is one statement, and says so. */
@Injectable()
export class ChallengesRepository {
  constructor(private readonly db: MfaDb) {}

  /**
   * Atomic, one statement: kills the user's live challenge of this purpose,
   * inserts the new one, and opens its first send attempt as 'sending' (so a
   * crash before the provider answers leaves a trace). Returns the attempt id.
   * The deferred exclusion constraint `mfa_challenges_one_live` makes a
   * concurrent second issue fail at commit instead of leaving two live codes.
   */
  async issue(c: NewChallenge): Promise<string> {
    try {
      const rows = await this.db.query<{ id: string }>(
        `WITH killed AS (
           UPDATE mfa_challenges SET invalidated_at = $10
            WHERE user_id = $2 AND purpose = $5 AND ${LIVE}
         ), issued AS (
           INSERT INTO mfa_challenges
             (id, user_id, factor_id, phone_e164, purpose, code_hash, expires_at, max_attempts, client_ip, created_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
           RETURNING id
         )
         INSERT INTO sms_send_log (challenge_id, user_id, provider, attempt, status, country)
         SELECT id, $2, $11, 1, 'sending', $12 FROM issued
         RETURNING id`,
        [
          c.id, c.userId, c.factorId, c.phoneE164, c.purpose, c.codeHash, c.expiresAt,
          c.maxAttempts, c.clientIp ?? null, c.createdAt, c.firstProvider, c.country ?? null,
        ],
      );
      return rows[0].id;
    } catch (err) {
      if ((err as { code?: string }).code === EXCLUSION_VIOLATION) {
        throw new ConcurrentChallengeError();
      }
      throw err;
    }
  }

  /** The user's newest live challenge of a purpose (expired or exhausted ones included). */
  async findLive(userId: string, purpose: ChallengePurpose): Promise<ChallengeRow | undefined> {
    const rows = await this.db.query(
      `SELECT id, user_id, factor_id, phone_e164, purpose, code_hash, expires_at, attempts, max_attempts, created_at
         FROM mfa_challenges
        WHERE user_id = $1 AND purpose = $2 AND ${LIVE}
        ORDER BY created_at DESC LIMIT 1`,
      [userId, purpose],
    );
    return rows[0] && toChallenge(rows[0]);
  }

  /**
   * Atomic single use: one UPDATE whose WHERE re-checks liveness, attempts and
   * expiry under the row lock, so of N concurrent consumers exactly one gets a
   * row back. Also stamps the factor's last use.
   */
  async consume(id: string, now: Date): Promise<boolean> {
    const rows = await this.db.query(
      `WITH consumed AS (
         UPDATE mfa_challenges SET consumed_at = $2
          WHERE id = $1 AND ${LIVE} AND attempts < max_attempts AND expires_at > $2
          RETURNING factor_id
       ), used AS (
         UPDATE mfa_sms_factors SET last_used_at = $2 WHERE id = (SELECT factor_id FROM consumed)
       )
       SELECT factor_id FROM consumed`,
      [id, now],
    );
    return rows.length === 1;
  }

  /**
   * Atomic: counts one wrong guess unless the code is already dead. Returns the
   * attempts made, or undefined when the challenge was no longer live.
   */
  async recordFailure(id: string): Promise<{ attempts: number; maxAttempts: number } | undefined> {
    const rows = await this.db.query(
      `UPDATE mfa_challenges SET attempts = attempts + 1
        WHERE id = $1 AND ${LIVE} AND attempts < max_attempts
        RETURNING attempts, max_attempts`,
      [id],
    );
    return rows[0] && { attempts: rows[0].attempts, maxAttempts: rows[0].max_attempts };
  }

  /** A challenge whose message no provider took can never be verified. */
  async invalidate(id: string, now: Date): Promise<void> {
    await this.db.query(`UPDATE mfa_challenges SET invalidated_at = $2 WHERE id = $1 AND ${LIVE}`, [id, now]);
  }
}

function toChallenge(r: Record<string, unknown>): ChallengeRow {
  return {
    id: r.id as string,
    userId: r.user_id as string,
    factorId: r.factor_id as string,
    phoneE164: r.phone_e164 as string,
    purpose: r.purpose as ChallengePurpose,
    codeHash: r.code_hash as Buffer,
    expiresAt: new Date(r.expires_at as string),
    attempts: Number(r.attempts),
    maxAttempts: Number(r.max_attempts),
    createdAt: new Date(r.created_at as string),
  };
}
