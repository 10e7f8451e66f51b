import { Inject, Injectable } from '@nestjs/common';
import type { ChallengePurpose } from '../challenges/challenges.repository';
import type { Channel } from '../common/channel';
import { callBatchFunction } from '../database/batch-function';
import { Batcher } from '../database/batcher';
import { batchOptions, DB_BATCH_CONFIG, type DbBatchConfig } from '../database/database.config';
import { MfaDb } from '../database/mfa-db';
import { MfaMetrics } from '../metrics/mfa-metrics';
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

/**
 * A login code that names no number: the statement reads the user's verified
 * one (its limits' phone subject is FACTOR_PHONE, replaced there).
 */
export interface NewLoginChallenge
  extends Omit<NewChallenge, 'factorId' | 'newFactorId' | 'phoneE164' | 'country' | 'prefix' | 'fixedLine' | 'purpose'> {
  /** The number the request named, as given: the code goes only when it is the factor's. */
  requestedPhone?: string;
  /** Numbers with a fixed code (SMS_TEST_NUMBERS, while valid): their codes go the long way. */
  testNumbers: string[];
}

/** The number a lookup read, as the challenge recorded it. */
export interface FactorNumber {
  e164: string;
  country?: string;
  prefix: string;
}

export type LoginIssueOutcome =
  | { refused: SlotRefusal }
  /** Nothing written: the number needs the caller's own screening (read it, screen it, issue it the long way). */
  | { unscreened: true }
  | { attemptId: string; factorId: string; nextCooldownSeconds: number; number: FactorNumber };

/** What the phone subject of a lookup's limits names until the statement knows the number (see sendSlotRequest). */
export const FACTOR_PHONE = '<factor>';

/** Thrown when a concurrent request issued a live challenge for the same user first. */
export class ConcurrentChallengeError extends Error {}

/** Thrown when a login code's number was replaced or removed after it was read: no code was issued. */
export class FactorChangedError extends Error {}

const EXCLUSION_VIOLATION = '23P01';

/** One item of mfa_issue_challenges (src/sms/sql/mfa_issue_challenges.sql), by its column names. */
interface IssueItem {
  id: string;
  userId: string;
  factorId: string | null;
  newFactorId: string | null;
  /** Null for a lookup until the statement reads the factor (so are country and prefix). */
  phone: string | null;
  purpose: ChallengePurpose;
  codeHash: string;
  expiresAt: Date;
  maxAttempts: number;
  clientIp: string | null;
  country: string | null;
  prefix: string | null;
  channel: Channel;
  locale: string | null;
  fixedLine: boolean;
  provider: string;
  status: 'sending' | 'delivered';
  reason: string | null;
  now: Date;
  /** The limits; none for a test number's code. */
  subjects?: string[];
  limitNames?: string[];
  hourly?: number[];
  daily?: number[];
  cooldownSeconds?: number[];
  progressive?: boolean[];
  cooldownCap?: number;
  /** A login code to the user's verified number, read by the statement (NewLoginChallenge). */
  lookup?: boolean;
  requestedPhone?: string | null;
  testNumbers?: string[];
}

interface IssueRow {
  ord: number;
  attempt_id: string | null;
  factor_id: string | null;
  refused_limit: string | null;
  wait_seconds: number;
  error_state: string | null;
  unscreened: boolean;
  /** A lookup's number, as read. */
  phone: string | null;
  country: string | null;
  prefix: string | null;
}

type ItemFields = Omit<NewChallenge, 'slot' | 'firstProvider' | 'reason' | 'phoneE164' | 'prefix' | 'fixedLine'> &
  Partial<Pick<NewChallenge, 'phoneE164' | 'prefix' | 'fixedLine'>>;

/** The item's own values, by the names mfa_issue_challenges reads. */
function issueItem(c: ItemFields, provider: string, status: IssueItem['status'], reason?: string): IssueItem {
  return {
    id: c.id,
    userId: c.userId,
    factorId: c.factorId ?? null,
    newFactorId: c.newFactorId ?? null,
    phone: c.phoneE164 ?? null,
    purpose: c.purpose,
    codeHash: c.codeHash.toString('base64'),
    expiresAt: c.expiresAt,
    maxAttempts: c.maxAttempts,
    clientIp: c.clientIp ?? null,
    now: c.createdAt,
    country: c.country ?? null,
    prefix: c.prefix ?? null,
    channel: c.channel,
    locale: c.locale ?? null,
    fixedLine: c.fixedLine ?? false,
    provider,
    status,
    reason: reason ?? null,
  };
}

/** The limits of an item, by the names mfa_issue_challenges reads. */
function limits(s: SendSlotRequest): Pick<IssueItem, 'subjects' | 'limitNames' | 'hourly' | 'daily' | 'cooldownSeconds' | 'progressive' | 'cooldownCap'> {
  return {
    subjects: s.subjects,
    limitNames: s.names,
    hourly: s.hourly,
    daily: s.daily,
    cooldownSeconds: s.cooldownSeconds,
    progressive: s.progressive,
    cooldownCap: s.cooldownCapSeconds,
  };
}

/** The item's row, or its own error thrown (as the caller of a lone issue would have seen it). */
function admitted(r: IssueRow): IssueRow {
  if (r.error_state === EXCLUSION_VIOLATION) throw new ConcurrentChallengeError();
  if (r.error_state) throw Object.assign(new Error(`issuing a challenge failed (SQLSTATE ${r.error_state})`), { code: r.error_state });
  return r;
}

/** An item's admission or refusal. */
function outcomeOf(r: IssueRow): IssueOutcome {
  if (r.refused_limit) return { refused: { limit: r.refused_limit, retryAfterSeconds: r.wait_seconds } };
  return { attemptId: r.attempt_id!, factorId: r.factor_id!, nextCooldownSeconds: r.wait_seconds };
}

/** A login code to the number the caller read: that number is still the user's verified one (else nothing was written). */
function unchanged(r: IssueRow): IssueRow {
  if (r.unscreened) throw new FactorChangedError();
  return r;
}

/**
 * The unit of work that issues a code: the one statement of the send path
 * that writes across tables (send counters, challenges, an enrolment's
 * factor, the send log), so that admission and what it admits commit
 * together. Concurrent issues are written together: group commit in the
 * application (see Batcher and mfa_issue_challenges).
 */
@Injectable()
export class CodeIssueUnit {
  private readonly batches: Batcher<IssueItem, IssueRow>;

  constructor(
    private readonly db: MfaDb,
    @Inject(DB_BATCH_CONFIG) config: DbBatchConfig,
    metrics: MfaMetrics,
  ) {
    this.batches = new Batcher((items) => this.write(items), {
      ...batchOptions(config),
      ...metrics.batchObserver('issue'),
    });
  }

  /**
   * Atomic, one statement (with the issues that arrive while one is being
   * written: each item as if alone, in arrival order, its own result):
   * takes a send slot on every limit (mfa_take_send_slot locks the counters
   * and refuses without recording anything when a limit is reached), kills
   * the user's live challenge of this purpose, for an enrolment creates the
   * number's factor (and drops the user's other unverified ones), inserts the
   * new challenge and opens its first send attempt as 'sending' (so a crash
   * before the provider answers leaves a trace). A refusal writes nothing.
   * Durable (a synchronous commit): the limits and the code the user is about
   * to receive must survive a crash before the provider is called.
   */
  async issue(c: NewChallenge): Promise<IssueOutcome> {
    return outcomeOf(unchanged(admitted(await this.add({ ...issueItem(c, c.firstProvider, 'sending', c.reason), ...limits(c.slot) }))));
  }

  /**
   * A login code to the user's verified number, the number read by the same
   * statement (the send's one round trip): as issue(), after the statement
   * found the number sendable (verified, the one named, not opted out, its
   * country allowed, no fixed code); otherwise nothing is written and the
   * caller takes the long way.
   */
  async issueToVerified(c: NewLoginChallenge): Promise<LoginIssueOutcome> {
    const row = admitted(await this.add({
      ...issueItem({ ...c, purpose: 'login' }, c.firstProvider, 'sending', c.reason),
      ...limits(c.slot),
      lookup: true,
      requestedPhone: c.requestedPhone ?? null,
      testNumbers: c.testNumbers.length ? c.testNumbers : undefined,
    }));
    if (row.unscreened) return { unscreened: true };
    const outcome = outcomeOf(row);
    if ('refused' in outcome) return outcome;
    return { ...outcome, number: { e164: row.phone!, country: row.country ?? undefined, prefix: row.prefix! } };
  }

  /**
   * A test number's challenge (fixed code): the same statement without the
   * limits, and a send-log row for the TEST provider, already delivered.
   */
  async issueFixed(c: Omit<NewChallenge, 'slot' | 'firstProvider' | 'reason'>): Promise<{ factorId: string }> {
    const row = unchanged(admitted(await this.add(issueItem(c, 'TEST', 'delivered'))));
    return { factorId: row.factor_id! };
  }

  /** An item's row; its own failure as a lone issue would have thrown it (a batch that fails as a whole is split: splitOnError). */
  private add(item: IssueItem): Promise<IssueRow> {
    return this.batches.add(item).catch((err: unknown) => {
      throw (err as { code?: string }).code === EXCLUSION_VIOLATION ? new ConcurrentChallengeError() : err;
    });
  }

  /** One batch in one statement (mfa_issue_challenges answers a row for every item). */
  private async write(items: IssueItem[]): Promise<IssueRow[]> {
    return (await callBatchFunction<IssueRow>(this.db, 'mfa_issue_challenges', items)) as IssueRow[];
  }
}
