import { Inject, Injectable } from '@nestjs/common';
import type { AssuranceRow } from '../assurance/assurance.repository';
import type { AssuranceRaise } from '../assurance/assurance.service';
import { Clock } from '../common/clock';
import { MfaError } from '../common/mfa-error';
import { CHALLENGES_CONFIG, type ChallengesConfig } from './challenges.config';
import { CodeHasher } from '../codes/one-time-code';
import { MfaMetrics } from '../metrics/mfa-metrics';
import { guessRefused } from '../rate-limit/lockout-errors';
import { FailureRunsRepository } from '../rate-limit/failure-runs.repository';
import { AcceptedDelivery, ChallengePurpose, ChallengeRow, ChallengesRepository } from './challenges.repository';

/** Decides verifications of issued codes (sms/ issues them); storage and atomicity live in the repository. */
@Injectable()
export class ChallengeVerifier {
  private readonly hasher: CodeHasher;

  constructor(
    private readonly challenges: ChallengesRepository,
    private readonly failureRuns: FailureRunsRepository,
    private readonly metrics: MfaMetrics,
    @Inject(CHALLENGES_CONFIG) private readonly config: ChallengesConfig,
    @Inject(Clock) private readonly clock: Clock,
  ) {
    this.hasher = new CodeHasher(config.codeSecret);
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
}

function tooManyAttempts(): MfaError {
  return new MfaError('TOO_MANY_ATTEMPTS', undefined, { attemptsRemaining: 0 });
}
