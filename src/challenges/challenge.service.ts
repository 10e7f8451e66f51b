import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { Clock } from '../common/clock';
import { MfaError } from '../common/mfa-error';
import { MFA_CONFIG, type MfaConfig } from '../config/mfa-config';
import { CodeHasher, generateCode } from '../codes/one-time-code';
import { ChallengePurpose, ChallengeRow, ChallengesRepository, ConcurrentChallengeError } from './challenges.repository';

export interface IssueRequest {
  userId: string;
  factorId: string;
  phoneE164: string;
  purpose: ChallengePurpose;
  clientIp?: string;
  country?: string;
  /** The provider to try first; its send attempt is opened with the challenge. */
  firstProvider: string;
}

export interface IssuedChallenge {
  id: string;
  /** Plain code: handed to the message renderer, never stored or logged. */
  code: string;
  expiresAt: Date;
  createdAt: Date;
  /** The send-log row of the first attempt, already 'sending'. */
  firstAttemptId: string;
}

/** Issues codes and decides verifications; storage and atomicity live in the repository. */
@Injectable()
export class ChallengeService {
  private readonly hasher: CodeHasher;

  constructor(
    private readonly challenges: ChallengesRepository,
    @Inject(MFA_CONFIG) private readonly config: MfaConfig,
    @Inject(Clock) private readonly clock: Clock,
  ) {
    this.hasher = new CodeHasher(config.codeSecret);
  }

  async issue(req: IssueRequest): Promise<IssuedChallenge> {
    const id = randomUUID();
    const code = generateCode(this.config.codeLength);
    const createdAt = this.clock.now();
    const expiresAt = new Date(createdAt.getTime() + this.config.codeValidityMinutes * 60_000);
    let firstAttemptId: string;
    try {
      firstAttemptId = await this.challenges.issue({
        ...req,
        id,
        codeHash: this.hasher.hash(id, code),
        expiresAt,
        maxAttempts: this.config.maxAttempts,
        createdAt,
      });
    } catch (err) {
      if (err instanceof ConcurrentChallengeError) {
        throw new MfaError('COOLDOWN', 'A code was just sent: wait for it.', { retryAfterSeconds: 1 });
      }
      throw err;
    }
    return { id, code, expiresAt, createdAt, firstAttemptId };
  }

  /** Consumes the user's live challenge if `code` is right; otherwise throws the precise reason. */
  async verify(userId: string, purpose: ChallengePurpose, code: string): Promise<ChallengeRow> {
    if (code.length !== this.config.codeLength || !/^\d+$/.test(code)) {
      throw new MfaError('VALIDATION_FAILED', `code must be ${this.config.codeLength} digits`);
    }
    const challenge = await this.challenges.findLive(userId, purpose);
    if (!challenge) throw new MfaError('NO_ACTIVE_CHALLENGE');
    const now = this.clock.now();
    if (challenge.attempts >= challenge.maxAttempts) throw tooManyAttempts();
    if (challenge.expiresAt <= now) throw new MfaError('CODE_EXPIRED');

    if (this.hasher.matches(challenge.id, code, challenge.codeHash)) {
      // Lost a race with another verify (or a kill): the code is spent.
      if (!(await this.challenges.consume(challenge.id, now))) throw new MfaError('NO_ACTIVE_CHALLENGE');
      return challenge;
    }
    const counted = await this.challenges.recordFailure(challenge.id);
    if (!counted) throw tooManyAttempts();
    const attemptsRemaining = counted.maxAttempts - counted.attempts;
    if (attemptsRemaining <= 0) throw tooManyAttempts();
    throw new MfaError('CODE_INVALID', undefined, { attemptsRemaining });
  }

  invalidate(challengeId: string): Promise<void> {
    return this.challenges.invalidate(challengeId, this.clock.now());
  }
}

function tooManyAttempts(): MfaError {
  return new MfaError('TOO_MANY_ATTEMPTS', undefined, { attemptsRemaining: 0 });
}
