import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { CHALLENGES_CONFIG, type ChallengesConfig } from '../challenges/challenges.config';
import type { ChallengePurpose } from '../challenges/challenges.repository';
import { ChallengesRepository } from '../challenges/challenges.repository';
import { CodeHasher, generateCode } from '../codes/one-time-code';
import type { Channel } from '../common/channel';
import { Clock } from '../common/clock';
import { MfaError } from '../common/mfa-error';
import { MfaMetrics } from '../metrics/mfa-metrics';
import { SendCountersRepository } from '../rate-limit/send-counters.repository';
import { isCooldown, sendSlotRequest, SlotRefusal } from '../rate-limit/send-limits';
import { CodeIssueUnit, ConcurrentChallengeError, FACTOR_PHONE, FactorChangedError, type FactorNumber } from './code-issue.unit';

export interface IssueRequest {
  userId: string;
  /** The verified factor a login code goes to; none for an enrolment, whose factor the issue creates. */
  factorId?: string;
  phoneE164: string;
  prefix: string;
  purpose: ChallengePurpose;
  clientIp?: string;
  country?: string;
  /** The provider expected to go first; its send attempt is opened with the challenge. */
  firstProvider: string;
  channel: Channel;
  /** The locale the message is rendered in. */
  locale?: string;
  /** An enrolment by voice to a fixed line (its factor takes voice only). */
  fixedLine?: boolean;
  /**
   * A send the user did not ask for (a voice fallback): written on its first
   * attempt. Counted on the hourly and daily limits like any send, but not
   * held to the cooldown (the user's own send just went out).
   */
  reason?: string;
}

/** A login code to the user's verified number, which the issue reads itself (CodeIssueUnit.issueToVerified). */
export interface LoginIssueRequest extends Pick<IssueRequest, 'userId' | 'clientIp' | 'firstProvider' | 'channel' | 'locale'> {
  /** The number the request named, as given (the code goes only to the factor's). */
  requestedPhone?: string;
  /** Numbers with a fixed code: these take the long way. */
  testNumbers: string[];
}

export interface IssuedChallenge {
  id: string;
  factorId: string;
  purpose: ChallengePurpose;
  /** Plain code: handed to the message renderer, never stored or logged. */
  code: string;
  expiresAt: Date;
  createdAt: Date;
  /** When the cooldown (progressive for the user) lets the next code go. */
  resendAvailableAt: Date;
  /** The send-log row of the first attempt, already 'sending'. */
  firstAttemptId: string;
  /** The limit subjects this send was counted on (refunded if no provider takes it). */
  countedOn: string[];
}

/**
 * Issues codes: a fresh code, hashed, under the send limits (CodeIssueUnit,
 * one statement), and withdraws a code no provider took.
 */
@Injectable()
export class CodeIssuer {
  private readonly hasher: CodeHasher;

  constructor(
    private readonly unit: CodeIssueUnit,
    private readonly challenges: ChallengesRepository,
    private readonly counters: SendCountersRepository,
    private readonly metrics: MfaMetrics,
    @Inject(CHALLENGES_CONFIG) private readonly config: ChallengesConfig,
    @Inject(Clock) private readonly clock: Clock,
  ) {
    this.hasher = new CodeHasher(config.codeSecret);
  }

  async issue(req: IssueRequest): Promise<IssuedChallenge> {
    const code = generateCode(this.config.codeLength);
    const row = this.newChallenge(req, code);
    const slot = sendSlotRequest(req.reason ? { ...this.config, cooldownMinutes: 0, progressiveCooldown: false } : this.config, req);
    const outcome = await this.unit.issue({ ...row, slot }).catch((err: unknown) => {
      throw this.issueError(err);
    });
    if ('refused' in outcome) throw this.refusal(outcome.refused);
    return this.admitted(req, row, code, outcome, slot.subjects);
  }

  /**
   * A login code in the send's one statement, to the number the statement
   * reads; undefined, with nothing written, when that number needs the
   * caller's screening first (the long way: read the factor, then issue()).
   */
  async issueToVerified(req: LoginIssueRequest): Promise<(IssuedChallenge & { number: FactorNumber }) | undefined> {
    const code = generateCode(this.config.codeLength);
    const row = { ...req, ...this.codeRow(code) };
    const slot = sendSlotRequest(this.config, { ...req, phoneE164: FACTOR_PHONE, purpose: 'login' });
    const outcome = await this.unit.issueToVerified({ ...row, slot }).catch((err: unknown) => {
      throw this.issueError(err);
    });
    if ('unscreened' in outcome) return undefined;
    if ('refused' in outcome) throw this.refusal(outcome.refused);
    const { number } = outcome;
    // As the statement did: the phone limit's subject names the number it read.
    const countedOn = slot.subjects.map((s, i) => (slot.names[i] === 'phone' ? s.replace(FACTOR_PHONE, number.e164) : s));
    return { ...this.admitted({ purpose: 'login' }, row, code, outcome, countedOn), number };
  }

  /**
   * A test number's challenge: its fixed code, no limit counted, no provider
   * (the send log says TEST). The code is kept hashed like any other.
   */
  async issueFixed(req: Omit<IssueRequest, 'firstProvider'>, code: string): Promise<IssuedChallenge> {
    const row = this.newChallenge(req, code);
    const { factorId } = await this.unit.issueFixed(row).catch((err: unknown) => {
      throw this.issueError(err);
    });
    return { ...this.issued(req, row, code, factorId), resendAvailableAt: row.createdAt, firstAttemptId: '', countedOn: [] };
  }

  /** The new challenge's row: its code and times, and a new factor's id when enrolling. */
  private newChallenge<R extends Omit<IssueRequest, 'firstProvider'>>(req: R, code: string) {
    return { ...req, fixedLine: req.fixedLine ?? false, newFactorId: req.factorId ? undefined : randomUUID(), ...this.codeRow(code) };
  }

  /** A new challenge's id, its hashed code and its times. */
  private codeRow(code: string) {
    const id = randomUUID();
    const createdAt = this.clock.now();
    return {
      id,
      codeHash: this.hasher.hash(id, code),
      expiresAt: new Date(createdAt.getTime() + this.config.codeValidityMinutes * 60_000),
      maxAttempts: this.config.maxAttempts,
      createdAt,
    };
  }

  /** An admitted issue's challenge, as the caller gets it. */
  private admitted(
    req: { purpose: IssueRequest['purpose'] },
    row: { id: string; expiresAt: Date; createdAt: Date },
    code: string,
    outcome: { factorId: string; attemptId: string; nextCooldownSeconds: number },
    countedOn: string[],
  ): IssuedChallenge {
    return {
      ...this.issued(req, row, code, outcome.factorId),
      resendAvailableAt: new Date(row.createdAt.getTime() + outcome.nextCooldownSeconds * 1000),
      firstAttemptId: outcome.attemptId,
      countedOn,
    };
  }

  private issued(
    req: { purpose: IssueRequest['purpose'] },
    row: { id: string; expiresAt: Date; createdAt: Date },
    code: string,
    factorId: string,
  ) {
    return { id: row.id, factorId, purpose: req.purpose, code, expiresAt: row.expiresAt, createdAt: row.createdAt };
  }

  /**
   * A challenge whose message no provider took: never verifiable; an
   * enrolment's unverified factor goes with it (a refused enrolment leaves no
   * factor). `refund` gives the send back to the limits: only when no
   * provider could take it through no fault of the number.
   */
  async withdraw(issued: IssuedChallenge, refund: boolean): Promise<void> {
    await this.challenges.invalidate(issued.id, this.clock.now());
    if (refund) await this.counters.refund(issued.countedOn, issued.createdAt);
  }

  /**
   * A concurrent request issued the user's live code first: a cooldown of a
   * second. The number read was replaced or removed while this send was on
   * its way: PHONE_NOT_VERIFIED, and no code (a new number gets one when the
   * user asks again).
   */
  private issueError(err: unknown): unknown {
    if (err instanceof FactorChangedError) return new MfaError('PHONE_NOT_VERIFIED');
    if (!(err instanceof ConcurrentChallengeError)) return err;
    this.metrics.rateLimitedTotal.inc({ limit: 'concurrent' });
    return new MfaError('COOLDOWN', 'A code was just sent: wait for it.', {
      retryAfterSeconds: 1,
      limit: 'concurrent',
    });
  }

  private refusal(refused: SlotRefusal): MfaError {
    this.metrics.rateLimitedTotal.inc({ limit: refused.limit });
    const details = { limit: refused.limit, retryAfterSeconds: refused.retryAfterSeconds };
    return isCooldown(refused)
      ? new MfaError('COOLDOWN', undefined, details)
      : new MfaError('RATE_LIMITED', undefined, details);
  }
}
