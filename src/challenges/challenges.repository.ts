import { Inject, Injectable, Optional } from '@nestjs/common';
import { AssuranceRow, RaisedAssuranceRow, toAssurance } from '../assurance/assurance.repository';
import type { AssuranceRaise } from '../assurance/assurance.service';
import { callBatchFunction } from '../database/batch-function';
import { Batcher } from '../database/batcher';
import { batchOptions, DB_BATCH_CONFIG, type DbBatchConfig } from '../database/database.config';
import { MfaDb, Queryable } from '../database/mfa-db';
import { MfaMetrics } from '../metrics/mfa-metrics';
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

/** What consume answers: the assurance it raised, and the provider that delivered the code. */
export interface Consumed {
  assurance?: AssuranceRow;
  delivery?: AcceptedDelivery;
}

interface AttemptItem {
  userId: string;
  purpose: ChallengePurpose;
  now: Date;
  hardLimit: number;
}

interface ConsumeItem {
  id: string;
  now: Date;
  raise?: AssuranceRaise;
}

/** SQL only. Each method that must be atomic is one statement, and says so. */
@Injectable()
export class ChallengesRepository {
  private readonly attempts: Batcher<AttemptItem, ChallengeRow | undefined>;
  private readonly consumes: Batcher<ConsumeItem, Consumed | undefined>;

  constructor(
    private readonly db: MfaDb,
    @Optional() @Inject(DB_BATCH_CONFIG) batching?: DbBatchConfig,
    @Optional() metrics?: MfaMetrics,
  ) {
    const options = (write: 'attempt' | 'consume') => ({ ...batchOptions(batching), ...metrics?.batchObserver(write) });
    this.attempts = new Batcher((items) => this.takeAttempts(items), options('attempt'));
    this.consumes = new Batcher((items) => this.consumeAll(items), options('consume'));
  }

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
   * taken (findLive then says why). Concurrent calls are written together,
   * one statement per batch (see takeAttempts). Durable: a guess counted must stay counted.
   */
  takeAttempt(userId: string, purpose: ChallengePurpose, now: Date, hardLimit: number): Promise<ChallengeRow | undefined> {
    return this.attempts.add({ userId, purpose, now, hardLimit });
  }

  /**
   * Atomic single use, after takeAttempt counted this guess: one UPDATE whose
   * WHERE re-checks liveness, attempts and expiry under the row lock, so of N concurrent consumers exactly one gets a
   * row back. In the same statement: stamps the factor's last use, ends the
   * user's runs of wrong codes (SMS and TOTP: a factor succeeded; only for a
   * login code — an enrolment code proves a new number, not a factor) and, given
   * `raise`, puts the caller's session at aal2; it also reads which provider
   * delivered the code (for conversion feedback). undefined: lost the race.
   * Concurrent calls are written together, as takeAttempt's are (see consumeAll).
   * Durable: a consumed code (and the assurance it raised) must never come back after a crash.
   */
  consume(id: string, now: Date, raise?: AssuranceRaise): Promise<Consumed | undefined> {
    return this.consumes.add({ id, now, raise });
  }

  /** One batch of takeAttempt in one statement (mfa_take_attempts: each item as if alone, in arrival order). */
  private async takeAttempts(items: AttemptItem[]): Promise<(ChallengeRow | undefined)[]> {
    const rows = await callBatchFunction<LiveChallengeRow & { ord: number }>(this.db, 'mfa_take_attempts', items);
    return rows.map((row) => row && toChallenge(row));
  }

  /** One batch of consume in one statement (mfa_consume_challenges: each item as if alone, in arrival order). */
  private async consumeAll(items: ConsumeItem[]): Promise<(Consumed | undefined)[]> {
    type ConsumedRow = RaisedAssuranceRow & {
      ord: number;
      provider: string | null;
      provider_message_id: string | null;
      channel: Channel | null;
    };
    const batch = items.map(({ id, now, raise }) => ({ id, now, session: raise?.session?.toString('base64') ?? null, expires: raise?.expiresAt ?? now }));
    const rows = await callBatchFunction<ConsumedRow>(this.db, 'mfa_consume_challenges', batch);
    return rows.map(
      (r) =>
        r && {
          assurance: r.methods ? toAssurance(r) : undefined,
          delivery: r.provider_message_id
            ? { provider: r.provider!, providerMessageId: r.provider_message_id, channel: r.channel! }
            : undefined,
        },
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
