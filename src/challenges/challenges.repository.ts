import { Injectable } from '@nestjs/common';
import { AssuranceRow, RaisedAssuranceRow, raiseAssuranceSql, toAssurance } from '../assurance/assurance.repository';
import type { AssuranceRaise } from '../assurance/assurance.service';
import { MfaDb, Queryable } from '../database/mfa-db';
import { purgeBatch } from '../database/purge';
import type { Channel } from '../common/channel';

export type ChallengePurpose = 'enroll' | 'login';

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
  /** The user's consecutive wrong codes (across challenges) and the wait they impose. */
  failures: number;
  lockedUntil?: Date;
}

/** The attempt of a challenge that a provider took (the last one, after any failover): for conversion feedback. */
export interface AcceptedDelivery {
  provider: string;
  providerMessageId: string;
  channel: Channel;
}

/** A challenge claimed for a voice fallback: what a fresh code to the same number needs. */
export interface FallbackClaim {
  userId: string;
  factorId: string;
  phoneE164: string;
  purpose: ChallengePurpose;
  country?: string;
  clientIp?: string;
  locale?: string;
}

export const LIVE = 'consumed_at IS NULL AND invalidated_at IS NULL';

/** SQL only. Each method that must be atomic is one statement, and says so. */
@Injectable()
export class ChallengesRepository {
  constructor(private readonly db: MfaDb) {}

  /** The user's newest live challenge of a purpose (expired or exhausted ones included). */
  async findLive(userId: string, purpose: ChallengePurpose): Promise<ChallengeRow | undefined> {
    const rows = await this.db.query<LiveChallengeRow>(
      `SELECT c.id, c.user_id, c.factor_id, c.phone_e164, c.purpose, c.code_hash, c.expires_at, c.attempts,
              c.max_attempts, c.created_at, f.consecutive AS failures, f.locked_until
         FROM mfa_challenges c LEFT JOIN mfa_verify_failures f ON f.user_id = c.user_id
        WHERE c.user_id = $1 AND c.purpose = $2 AND ${LIVE}
        ORDER BY c.created_at DESC LIMIT 1`,
      [userId, purpose],
    );
    return rows[0] && toChallenge(rows[0]);
  }

  /**
   * Count first, compare after: takes one attempt on the user's newest live
   * challenge of this purpose *before* the code is compared, only while it is
   * unexpired, has attempts left and no wait (or the hard limit) holds the
   * user's run of wrong codes. The UPDATE re-checks `attempts < max_attempts`
   * on the row's newest version, so however many guesses race, at most
   * max_attempts of them are ever compared with one code. undefined: nothing
   * taken (findLive then says why). Durable: a guess counted must stay counted.
   */
  async takeAttempt(userId: string, purpose: ChallengePurpose, now: Date, hardLimit: number): Promise<ChallengeRow | undefined> {
    const rows = await this.db.query<LiveChallengeRow>(
      `WITH live AS (
         SELECT id FROM mfa_challenges WHERE user_id = $1 AND purpose = $2 AND ${LIVE} ORDER BY created_at DESC LIMIT 1
       ), run AS (
         SELECT consecutive, locked_until FROM mfa_verify_failures WHERE user_id = $1
       ), taken AS (
         UPDATE mfa_challenges c SET attempts = c.attempts + 1
          WHERE c.id = (SELECT id FROM live) AND ${LIVE} AND c.attempts < c.max_attempts AND c.expires_at > $3
            AND NOT EXISTS (SELECT 1 FROM run WHERE consecutive >= $4 OR locked_until > $3)
          RETURNING c.id, c.user_id, c.factor_id, c.phone_e164, c.purpose, c.code_hash, c.expires_at, c.attempts,
                    c.max_attempts, c.created_at
       )
       SELECT taken.*, run.consecutive AS failures, run.locked_until FROM taken LEFT JOIN run ON true`,
      [userId, purpose, now, hardLimit],
    );
    return rows[0] && toChallenge(rows[0]);
  }

  /**
   * Atomic single use, after takeAttempt counted this guess: one UPDATE whose
   * WHERE re-checks liveness, attempts and expiry under the row lock, so of N concurrent consumers exactly one gets a
   * row back. In the same statement: stamps the factor's last use, ends the
   * user's runs of wrong codes (SMS and TOTP: a factor succeeded; only for a
   * login code — an enrolment code proves a new number, not a factor) and, given
   * `raise`, puts the caller's session at aal2; it also reads which provider
   * delivered the code (for conversion feedback). undefined: lost the race.
   * Durable: a consumed code (and the assurance it raised) must never come back after a crash.
   */
  async consume(
    id: string,
    now: Date,
    raise?: AssuranceRaise,
  ): Promise<{ assurance?: AssuranceRow; delivery?: AcceptedDelivery } | undefined> {
    type ConsumedRow = RaisedAssuranceRow & {
      provider: string | null;
      provider_message_id: string | null;
      channel: Channel | null;
    };
    const rows = await this.db.query<ConsumedRow>(
      `WITH consumed AS (
         UPDATE mfa_challenges SET consumed_at = $2
          WHERE id = $1 AND ${LIVE} AND attempts <= max_attempts AND expires_at > $2
          RETURNING factor_id, user_id, purpose
       ), used AS (
         UPDATE mfa_sms_factors SET last_used_at = $2 WHERE id = (SELECT factor_id FROM consumed)
       ), reset AS (
         DELETE FROM mfa_verify_failures WHERE user_id = (SELECT user_id FROM consumed WHERE purpose = 'login')
       ), reset_totp AS (
         DELETE FROM mfa_totp_failures WHERE user_id = (SELECT user_id FROM consumed WHERE purpose = 'login')
       ), raised AS (
         ${raiseAssuranceSql({ user: 'consumed.user_id', session: '$3', method: "'sms'", now: '$2', expires: '$4' }, 'FROM consumed')}
       )
       SELECT raised.methods, raised.verified_at, raised.expires_at, delivered.provider, delivered.provider_message_id,
              delivered.channel
         FROM consumed LEFT JOIN raised ON true
         LEFT JOIN LATERAL (
           SELECT provider, provider_message_id, channel FROM sms_send_log
            WHERE challenge_id = $1 AND provider_message_id IS NOT NULL AND status IN ('queued', 'sent', 'delivered')
            ORDER BY attempt DESC LIMIT 1
         ) delivered ON true`,
      [id, now, raise?.session ?? null, raise?.expiresAt ?? now],
    );
    const r = rows[0];
    return (
      r && {
        assurance: r.methods ? toAssurance(r) : undefined,
        delivery: r.provider_message_id
          ? { provider: r.provider!, providerMessageId: r.provider_message_id, channel: r.channel! }
          : undefined,
      }
    );
  }

  /**
   * A challenge whose message no provider took can never be verified; an
   * enrolment's factor goes with it while unverified (same statement).
   */
  async invalidate(id: string, now: Date): Promise<void> {
    await this.db.query(
      `WITH dead AS (
         UPDATE mfa_challenges SET invalidated_at = $2 WHERE id = $1 AND ${LIVE} RETURNING factor_id, purpose
       )
       DELETE FROM mfa_sms_factors f USING dead
        WHERE f.id = dead.factor_id AND dead.purpose = 'enroll' AND f.verified_at IS NULL`,
      [id, now],
    );
  }

  /**
   * Atomic claim of a voice fallback for a challenge whose message was
   * reported undelivered: succeeds once, and only while the challenge is the
   * user's live, unexpired, unspent code and was not sent by voice. However
   * many reports (or instances) see the failure, one of them gets the row.
   * The claim does not kill the code: the fresh code's issue does, and only
   * once the limits admit it, so a fallback that screening or the limits
   * refuse leaves the user the code they have.
   */
  async claimFallback(id: string, now: Date): Promise<FallbackClaim | undefined> {
    interface FallbackClaimRow {
      user_id: string;
      factor_id: string;
      phone_e164: string;
      purpose: ChallengePurpose;
      country: string | null;
      client_ip: string | null;
      locale: string | null;
    }
    const [r] = await this.db.query<FallbackClaimRow>(
      `UPDATE mfa_challenges SET fallback_at = $2
        WHERE id = $1 AND ${LIVE} AND fallback_at IS NULL AND channel <> 'voice'
          AND expires_at > $2 AND attempts < max_attempts
        RETURNING user_id, factor_id, phone_e164, purpose, country, client_ip, locale`,
      [id, now],
    );
    return (
      r && {
        userId: r.user_id,
        factorId: r.factor_id,
        phoneE164: r.phone_e164,
        purpose: r.purpose,
        country: r.country ?? undefined,
        clientIp: r.client_ip ?? undefined,
        locale: r.locale ?? undefined,
      }
    );
  }

  /** Retention: one batch of challenges finished (used, replaced or expired) before `edge`. */
  purgeFinishedBefore(edge: Date, limit: number): Promise<number> {
    const where = 'expires_at < $2 OR consumed_at < $2 OR invalidated_at < $2';
    return purgeBatch(this.db.query.bind(this.db), 'mfa_challenges', where, limit, [edge]);
  }

  /** GDPR access: the user's challenges (never a code hash). */
  exportFor(userId: string) {
    return this.db.query<ChallengeExportRow>(
      `SELECT id, purpose, phone_e164 AS "phoneNumber", country, client_ip AS "clientIp", attempts,
              created_at AS "createdAt", expires_at AS "expiresAt", consumed_at AS "consumedAt",
              invalidated_at AS "invalidatedAt" FROM mfa_challenges WHERE user_id = $1 ORDER BY created_at`,
      [userId],
    );
  }


  async numbersFor(userId: string, query: Queryable): Promise<string[]> {
    interface NumberRow {
      phone_e164: string;
    }
    const rows = await query<NumberRow>(`SELECT DISTINCT phone_e164 FROM mfa_challenges WHERE user_id = $1`, [userId]);
    return rows.map((r) => r.phone_e164);
  }

  async eraseFor(userId: string, query: Queryable): Promise<number> {
    return (await query(`DELETE FROM mfa_challenges WHERE user_id = $1 RETURNING 1`, [userId])).length;
  }
}

/** A live challenge with the user's run of wrong codes (NULL when there is none). */
interface LiveChallengeRow {
  id: string;
  user_id: string;
  /** A nullable column, set by every issue. */
  factor_id: string | null;
  phone_e164: string;
  purpose: ChallengePurpose;
  code_hash: Buffer;
  expires_at: Date;
  attempts: number;
  max_attempts: number;
  created_at: Date;
  failures: number | null;
  locked_until: Date | null;
}

export interface ChallengeExportRow {
  id: string;
  purpose: ChallengePurpose;
  phoneNumber: string;
  country: string | null;
  clientIp: string | null;
  attempts: number;
  createdAt: Date;
  expiresAt: Date;
  consumedAt: Date | null;
  invalidatedAt: Date | null;
}

function toChallenge(r: LiveChallengeRow): ChallengeRow {
  return {
    id: r.id,
    userId: r.user_id,
    factorId: r.factor_id!,
    phoneE164: r.phone_e164,
    purpose: r.purpose,
    codeHash: r.code_hash,
    expiresAt: new Date(r.expires_at),
    attempts: Number(r.attempts),
    maxAttempts: Number(r.max_attempts),
    createdAt: new Date(r.created_at),
    failures: Number(r.failures ?? 0),
    lockedUntil: r.locked_until ? new Date(r.locked_until) : undefined,
  };
}
