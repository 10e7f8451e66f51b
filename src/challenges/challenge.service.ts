import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { AssuranceRow } from '../assurance/assurance.repository';
import type { AssuranceRaise } from '../assurance/assurance.service';
import { Clock } from '../common/clock';
import { MfaError } from '../common/mfa-error';
import { CHALLENGES_CONFIG, type ChallengesConfig } from './challenges.config';
import { CodeHasher, generateCode } from '../codes/one-time-code';
import { MfaMetrics } from '../metrics/mfa-metrics';
import { guessRefused } from '../rate-limit/lockout-errors';
import { FailureRunsRepository } from '../rate-limit/failure-runs.repository';
import { SendCountersRepository } from '../rate-limit/send-counters.repository';
import { isCooldown, sendSlotRequest, SlotRefusal } from '../rate-limit/send-limits';
import type { Channel } from '../common/channel';
import {
  AcceptedDelivery,
  ChallengePurpose,
  ChallengeRow,
  ChallengesRepository,
  ConcurrentChallengeError,
} from './challenges.repository';

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

/** Issues codes and decides verifications; storage and atomicity live in the repository. */
@Injectable()
export class ChallengeService {
  private readonly hasher: CodeHasher;

  constructor(
    private readonly challenges: ChallengesRepository,
    private readonly counters: SendCountersRepository,
    private readonly failureRuns: FailureRunsRepository,
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
    const outcome = await this.challenges.issue({ ...row, slot }).catch((err: unknown) => {
      throw this.concurrent(err);
    });
    if ('refused' in outcome) throw this.refusal(outcome.refused);
    return {
      ...this.issued(req, row, code, outcome.factorId),
      resendAvailableAt: new Date(row.createdAt.getTime() + outcome.nextCooldownSeconds * 1000),
      firstAttemptId: outcome.attemptId,
      countedOn: slot.subjects,
    };
  }

  /**
   * A test number's challenge: its fixed code, no limit counted, no provider
   * (the send log says TEST). The code is kept hashed like any other.
   */
  async issueFixed(req: Omit<IssueRequest, 'firstProvider'>, code: string): Promise<IssuedChallenge> {
    const row = this.newChallenge(req, code);
    const { factorId } = await this.challenges.issueFixed(row).catch((err: unknown) => {
      throw this.concurrent(err);
    });
    return { ...this.issued(req, row, code, factorId), resendAvailableAt: row.createdAt, firstAttemptId: '', countedOn: [] };
  }

  /** The new challenge's row: its id, the hashed code, its times (a new factor's id when enrolling). */
  private newChallenge<R extends Omit<IssueRequest, 'firstProvider'>>(req: R, code: string) {
    const id = randomUUID();
    const createdAt = this.clock.now();
    return {
      ...req,
      fixedLine: req.fixedLine ?? false,
      id,
      newFactorId: req.factorId ? undefined : randomUUID(),
      codeHash: this.hasher.hash(id, code),
      expiresAt: new Date(createdAt.getTime() + this.config.codeValidityMinutes * 60_000),
      maxAttempts: this.config.maxAttempts,
      createdAt,
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
   * Consumes the user's live challenge if `code` is right (raising the
   * session's assurance when `raise` is given, in the same statement);
   * otherwise throws the precise reason.
   */
  async verify(
    userId: string,
    purpose: ChallengePurpose,
    code: string,
    raise?: AssuranceRaise,
  ): Promise<{ challenge: ChallengeRow; assurance?: AssuranceRow; delivery?: AcceptedDelivery }> {
    if (code.length !== this.config.codeLength || !/^\d+$/.test(code)) {
      throw new MfaError('VALIDATION_FAILED', `code must be ${this.config.codeLength} digits`);
    }
    const now = this.clock.now();
    // Count first, compare after: however many guesses race, a code meets at most max_attempts of them.
    const challenge = await this.challenges.takeAttempt(userId, purpose, now, this.config.verifyFailureHardLimit);
    if (!challenge) throw await this.whyNoAttempt(userId, purpose, now);

    if (this.hasher.matches(challenge.id, code, challenge.codeHash)) {
      // Lost a race with another verify (or a kill): the code is spent.
      const consumed = await this.challenges.consume(challenge.id, now, raise);
      if (!consumed) throw new MfaError('NO_ACTIVE_CHALLENGE');
      return { challenge, ...consumed };
    }
    await this.failureRuns.countFailure('sms', userId, now, this.config.verifyFailureThreshold);
    const attemptsRemaining = challenge.maxAttempts - challenge.attempts;
    if (attemptsRemaining <= 0) throw tooManyAttempts();
    throw new MfaError('CODE_INVALID', undefined, { attemptsRemaining });
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
   * NIST SP 800-63B: wrong codes are counted per user across challenges. Past
   * the threshold each failure imposes a growing wait; at the hard limit SMS
   * verification stops until another factor succeeds or an admin resets it.
   */
  /** Why no attempt could be taken: no live code, a lockout, spent attempts, expiry (or a race just spent them). */
  private async whyNoAttempt(userId: string, purpose: ChallengePurpose, now: Date): Promise<MfaError> {
    const challenge = await this.challenges.findLive(userId, purpose);
    if (!challenge) return new MfaError('NO_ACTIVE_CHALLENGE');
    this.assertNotLockedOut(challenge.failures, challenge.lockedUntil, now);
    if (challenge.expiresAt <= now && challenge.attempts < challenge.maxAttempts) return new MfaError('CODE_EXPIRED');
    return tooManyAttempts();
  }

  private assertNotLockedOut(failures: number, lockedUntil: Date | undefined, now: Date): void {
    const hardLimit = this.config.verifyFailureHardLimit;
    if (failures < hardLimit && !(lockedUntil && lockedUntil > now)) return;
    this.metrics.rateLimitedTotal.inc({ limit: 'verify_failures' });
    throw guessRefused('verify_failures', { failures, lockedUntil }, hardLimit, now);
  }

  /** A concurrent request issued the user's live code first: a cooldown of a second. */
  private concurrent(err: unknown): unknown {
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

function tooManyAttempts(): MfaError {
  return new MfaError('TOO_MANY_ATTEMPTS', undefined, { attemptsRemaining: 0 });
}
