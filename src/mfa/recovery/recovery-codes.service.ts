import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { AssuranceService, AssuranceView } from '../../assurance/assurance.service';
import { CodeHasher } from '../../codes/one-time-code';
import { Clock } from '../../common/clock';
import { MfaError } from '../../common/mfa-error';
import { MFA_FACTORS_CONFIG, type MfaFactorsConfig } from '../mfa.config';
import { guessRefused } from '../../rate-limit/lockout-errors';
import { FailureRunsRepository } from '../../rate-limit/failure-runs.repository';
import { MfaEvent, MfaEvents } from '../../common/mfa-events';
import type { MfaUser, RequestContext } from '../../common/mfa.types';
import { generateRecoveryCode, normalizeRecoveryCode } from './recovery-code';
import { RecoveryCodesRepository } from '../../factors/recovery-codes.repository';

/** Codes in a set. */
const SET_SIZE = 10;

export interface RecoveryVerification extends AssuranceView {
  /** Unused codes left in the set. */
  remaining: number;
}

/**
 * Recovery codes, for the day both the phone and the authenticator are gone:
 * ten single-use codes, shown once, stored as keyed hashes bound to the user.
 */
@Injectable()
export class RecoveryCodesService {
  private readonly hasher: CodeHasher;

  constructor(
    private readonly codes: RecoveryCodesRepository,
    private readonly failureRuns: FailureRunsRepository,
    private readonly assurance: AssuranceService,
    private readonly events: MfaEvents,
    @Inject(MFA_FACTORS_CONFIG) private readonly config: MfaFactorsConfig,
    @Inject(Clock) private readonly clock: Clock,
  ) {
    this.hasher = new CodeHasher(config.codeSecret);
  }

  /**
   * A new set replaces the old one. Recovery codes back up a real factor: the
   * user must hold a verified SMS or TOTP factor (else the password alone
   * could make codes and reach aal2 with them), and have stepped up in this session.
   */
  async regenerate(user: MfaUser): Promise<{ codes: string[] }> {
    const now = this.clock.now();
    const { methods } = await this.assurance.requireStepUp(user, now);
    if (!methods.includes('sms') && !methods.includes('totp')) {
      throw new MfaError('FORBIDDEN', 'Enrol a second factor (SMS or TOTP) before making recovery codes.');
    }
    const codes = Array.from({ length: SET_SIZE }, generateRecoveryCode);
    const hashes = codes.map((c) => this.hash(user.id, normalizeRecoveryCode(c)!));
    if (!(await this.codes.replaceSet(user.id, randomUUID(), hashes, this.assurance.stepUpCheck(user, now), now))) {
      throw await this.assurance.stepUpRefused(user);
    }
    return { codes };
  }

  /**
   * Each code works once. A wrong code counts on the run of wrong SMS codes,
   * taken before the comparison (the same waits and hard stop as SMS codes).
   */
  async verify(user: MfaUser, input: string, context: RequestContext = {}): Promise<RecoveryVerification> {
    try {
      const verified = await this.use(user, input);
      this.events.emit(MfaEvent.RecoveryCodeVerified, { userId: user.id, ip: context.ip, at: this.clock.now() });
      return verified;
    } catch (err) {
      this.events.refused(MfaEvent.RecoveryCodeFailed, err, { userId: user.id, ip: context.ip, at: this.clock.now() });
      throw err;
    }
  }

  private async use(user: MfaUser, input: string): Promise<RecoveryVerification> {
    const code = normalizeRecoveryCode(input);
    if (!code) throw new MfaError('VALIDATION_FAILED', 'code must be a recovery code such as abcde-12345');
    const now = this.clock.now();
    const { verifyFailureThreshold: threshold, verifyFailureHardLimit: hardLimit } = this.config;
    const used = await this.codes.useInTurn(
      user.id,
      this.hash(user.id, code),
      this.assurance.raise(user, 'recovery_code', now),
      (query) => this.failureRuns.takeGuess('sms', user.id, now, threshold, hardLimit, query),
    );
    switch (used.outcome) {
      case 'used':
        return { ...this.assurance.raised(user, 'recovery_code', used.assurance), remaining: used.remaining };
      // A right code that was used (a double submit, a second tab) is no wrong guess: counted nothing.
      case 'already_used':
        throw new MfaError('CODE_INVALID', 'This recovery code was already used.');
      // Without codes there is nothing to guess: refused, and not counted (a password alone cannot lock SMS this way).
      case 'none':
        throw new MfaError('NO_ACTIVE_CHALLENGE', 'There are no recovery codes to use.');
      case 'guess_refused':
        throw guessRefused('verify_failures', used.guess, hardLimit, now);
      case 'wrong':
        throw new MfaError('CODE_INVALID', 'This recovery code is not valid.');
    }
  }

  list(userId: string) {
    return this.codes.list(userId);
  }

  private hash(userId: string, code: string): Buffer {
    return this.hasher.hash(`recovery:${userId}`, code);
  }
}
