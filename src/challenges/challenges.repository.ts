import { Injectable } from '@nestjs/common';
import { AssuranceRow, RaisedAssuranceRow, raiseAssuranceSql, toAssurance } from '../assurance/assurance.repository';
import type { AssuranceRaise } from '../assurance/assurance.service';
import { MfaDb, Queryable } from '../database/mfa-db';
import { lockForTransaction } from '../database/advisory-lock';
import { named } from '../database/named-sql';
import { purgeBatch } from '../database/purge';
import type { SendSlotRequest, SlotRefusal } from '../rate-limit/send-limits';
import type { Channel } from '../common/channel';

export type ChallengePurpose = 'enroll' | 'login';

export interface NewChallenge {
  id: string;
  userId: string;
  /** A login code's verified factor… */
  factorId?: string;
  /** …or, for an enrolment, the id of the factor to create for the number (or the user's existing row for it). */
  newFactorId?: string;
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
  /** Number prefix for fraud statistics (calling code + leading national digits). */
  prefix: string;
  channel: Channel;
  /** The locale the message is rendered in (a fallback call speaks it too). */
  locale?: string;
  /** An enrolment by voice may name a fixed line: its factor then takes voice only. */
  fixedLine: boolean;
  /** Why this send exists when the user did not ask for it (a fallback): on its first attempt. */
  reason?: string;
  /** The limits this send is counted against. */
  slot: SendSlotRequest;
}

export type IssueOutcome =
  { attemptId: string; factorId: string; nextCooldownSeconds: number } | { refused: SlotRefusal };

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

/** Thrown when a concurrent request issued a live challenge for the same user first. */
export class ConcurrentChallengeError extends Error {}

const EXCLUSION_VIOLATION = '23P01';
const LIVE = 'consumed_at IS NULL AND invalidated_at IS NULL';

/**
 * The part both issues share (named parameters; `admitted` is the SQL
 * condition under which anything is written): kill the user's live challenge
 * of this purpose, create an enrolment's factor, insert the challenge.
 */
const challengeCtes = (admitted: string) => `killed AS (
         UPDATE mfa_challenges SET invalidated_at = :now
          WHERE user_id = :userId AND purpose = :purpose AND ${LIVE} AND ${admitted}
       ), factor AS (
         INSERT INTO mfa_sms_factors (id, user_id, phone_e164, country, created_at, fixed_line)
         SELECT :newFactorId, :userId, :phone, :country, :now, :fixedLine WHERE :newFactorId::uuid IS NOT NULL AND ${admitted}
         ON CONFLICT ON CONSTRAINT mfa_sms_factors_user_phone
           DO UPDATE SET country = EXCLUDED.country, fixed_line = EXCLUDED.fixed_line
         RETURNING id
       ), issued AS (
         INSERT INTO mfa_challenges
           (id, user_id, factor_id, phone_e164, purpose, code_hash, expires_at, max_attempts, client_ip, created_at, country,
            prefix, channel, locale)
         SELECT :id, :userId, COALESCE((SELECT id FROM factor), :factorId::uuid), :phone, :purpose, :codeHash, :expiresAt,
                :maxAttempts, :clientIp, :now, :country, :prefix, :channel, :locale
          WHERE ${admitted}
         RETURNING id, factor_id
       )`;

/** See ChallengesRepository.issue. */
const ISSUE_SQL = `WITH slot AS (
         SELECT * FROM mfa_take_send_slot(:subjects::text[], :limitNames::text[], :hourly::int[], :daily::int[],
                                          :cooldownSeconds::int[], :progressive::boolean[], :cooldownCap, :now)
       ), admitted AS (
         SELECT NOT EXISTS (SELECT 1 FROM slot WHERE refused_limit IS NOT NULL) AS ok
       ), ${challengeCtes('(SELECT ok FROM admitted)')}, dropped AS (
         DELETE FROM mfa_sms_factors
          WHERE :newFactorId::uuid IS NOT NULL AND user_id = :userId AND verified_at IS NULL AND phone_e164 <> :phone
            AND (SELECT ok FROM admitted)
       ), attempt AS (
         INSERT INTO sms_send_log (challenge_id, user_id, provider, attempt, status, country, channel, reason)
         SELECT id, :userId, :firstProvider, 1, 'sending', :country, :channel, :reason FROM issued
         RETURNING id
       )
       SELECT (SELECT id FROM attempt) AS attempt_id, (SELECT factor_id FROM issued) AS factor_id,
              slot.refused_limit, slot.wait_seconds FROM slot`;

/** See ChallengesRepository.issueFixed. */
const ISSUE_FIXED_SQL = `WITH ${challengeCtes('true')}, logged AS (
         INSERT INTO sms_send_log (challenge_id, user_id, provider, attempt, status, country, delivered_at, channel)
         SELECT id, :userId, 'TEST', 1, 'delivered', :country, :now, :channel FROM issued
       )
       SELECT factor_id FROM issued`;

/** The challenge's own values, by the names challengeCtes uses. */
function challengeValues(c: Omit<NewChallenge, 'slot' | 'firstProvider' | 'reason'>) {
  return {
    id: c.id,
    userId: c.userId,
    factorId: c.factorId ?? null,
    newFactorId: c.newFactorId ?? null,
    phone: c.phoneE164,
    purpose: c.purpose,
    codeHash: c.codeHash,
    expiresAt: c.expiresAt,
    maxAttempts: c.maxAttempts,
    clientIp: c.clientIp ?? null,
    now: c.createdAt,
    country: c.country ?? null,
    prefix: c.prefix,
    channel: c.channel,
    locale: c.locale ?? null,
    fixedLine: c.fixedLine,
  };
}

/** A concurrent issue won the user's one live challenge (the deferred exclusion constraint). */
function asConcurrent(err: unknown): never {
  if ((err as { code?: string }).code === EXCLUSION_VIOLATION) throw new ConcurrentChallengeError();
  throw err;
}

/** SQL only. Each method that must be atomic is one statement, and says so. */
@Injectable()
export class ChallengesRepository {
  constructor(private readonly db: MfaDb) {}

  /**
   * Atomic, one statement — the one statement that spans tables (limits,
   * challenge, factor, send log), so that admission and what it admits commit
   * together: takes a send slot on every limit (mfa_take_send_slot locks the
   * counters and refuses without recording anything when a limit is reached),
   * kills the user's live challenge of this purpose, for an enrolment creates
   * the number's factor (and drops the user's other unverified ones), inserts
   * the new challenge and opens its first send attempt as 'sending' (so a
   * crash before the provider answers leaves a trace). A refusal writes
   * nothing. The deferred exclusion constraint `mfa_challenges_one_live` makes
   * a concurrent second issue fail at commit, undoing its slot too.
   */
  async issue(c: NewChallenge): Promise<IssueOutcome> {
    const s = c.slot;
    const { text, params } = named(ISSUE_SQL, {
      ...challengeValues(c),
      firstProvider: c.firstProvider,
      reason: c.reason ?? null,
      subjects: s.subjects,
      limitNames: s.names,
      hourly: s.hourly,
      daily: s.daily,
      cooldownSeconds: s.cooldownSeconds,
      progressive: s.progressive,
      cooldownCap: s.cooldownCapSeconds,
    });
    interface IssueRow {
      attempt_id: string | null;
      factor_id: string | null;
      refused_limit: string | null;
      wait_seconds: number;
    }
    const [row] = await this.db.query<IssueRow>(text, params).catch(asConcurrent);
    if (row.refused_limit) return { refused: { limit: row.refused_limit, retryAfterSeconds: row.wait_seconds } };
    return { attemptId: row.attempt_id!, factorId: row.factor_id!, nextCooldownSeconds: row.wait_seconds };
  }

  /**
   * A test number's challenge (fixed code): the same challenge statement
   * without the limits, and a send-log row for the TEST provider, already delivered.
   */
  async issueFixed(c: Omit<NewChallenge, 'slot' | 'firstProvider' | 'reason'>): Promise<{ factorId: string }> {
    const { text, params } = named(ISSUE_FIXED_SQL, challengeValues(c));
    // No limit row serialises these issues (the limited path locks the user's counter): a per-user
    // lock does, so concurrent ones take turns instead of deadlocking on the live challenge.
    const [row] = await this.db
      .transaction(async (query) => {
        await lockForTransaction(query, `mfa-issue:${c.userId}`);
        return query<{ factor_id: string | null }>(text, params);
      })
      .catch(asConcurrent);
    return { factorId: row.factor_id! };
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
   * taken (findLive then says why).
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
