import { Injectable } from '@nestjs/common';
import type { ChallengePurpose } from '../challenges/challenges.repository';
import { LIVE } from '../challenges/challenges.repository';
import type { Channel } from '../common/channel';
import { lockForTransaction } from '../database/advisory-lock';
import { MfaDb } from '../database/mfa-db';
import { named } from '../database/named-sql';
import type { SendSlotRequest, SlotRefusal } from '../rate-limit/send-limits';

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

/** Thrown when a concurrent request issued a live challenge for the same user first. */
export class ConcurrentChallengeError extends Error {}

const EXCLUSION_VIOLATION = '23P01';
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

/** See CodeIssueUnit.issue. */
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

/** See CodeIssueUnit.issueFixed. */
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

/**
 * The unit of work that issues a code: the one statement of the send path
 * that writes across tables (send counters, challenges, an enrolment's
 * factor, the send log), so that admission and what it admits commit
 * together. Each method is one statement (or one transaction), and says so.
 */
@Injectable()
export class CodeIssueUnit {
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
   * Durable (a synchronous commit): the limits and the code the user is about
   * to receive must survive a crash before the provider is called.
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
}
