import { randomUUID } from 'node:crypto';
import { errorSummary } from '../../common/error-summary';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { Secret, TOTP } from 'otpauth';
import { AssuranceService, AssuranceView } from '../../assurance/assurance.service';
import { Clock } from '../../common/clock';
import { MfaError } from '../../common/mfa-error';
import { MFA_FACTORS_CONFIG, type MfaFactorsConfig } from '../mfa.config';
import { guessRefused } from '../../rate-limit/lockout-errors';
import { FailureRunsRepository } from '../../rate-limit/failure-runs.repository';
import { MfaEvent, MfaEvents } from '../../common/mfa-events';
import type { MfaUser, RequestContext } from '../../common/mfa.types';
import { SecretBox } from './secret-box';
import { TotpFactor, TotpFactorsRepository } from '../../factors/totp-factors.repository';

/** RFC 6238 as authenticator apps implement it: SHA-1, 6 digits, 30-second steps. */
export const TOTP_PARAMS = { algorithm: 'SHA1', digits: 6, period: 30 } as const;
const PERIOD = TOTP_PARAMS.period;
/** One step of clock drift either way. */
const WINDOW = 1;

export interface TotpEnrollment {
  factorId: string;
  /** Base32, for manual entry. Shown once, at enrolment. */
  secret: string;
  otpauthUrl: string;
}

/** TOTP, the primary factor: enrolment, activation and verification (each code once). */
@Injectable()
export class TotpService {
  private readonly logger = new Logger('TotpService');
  private readonly box: SecretBox;
  /** When a secret that would not open was last logged, per key id (a handful of ids at most). */
  private readonly unopenedLogged = new Map<string, number>();

  constructor(
    @Inject(MFA_FACTORS_CONFIG) private readonly config: MfaFactorsConfig,
    @Inject(Clock) private readonly clock: Clock,
    private readonly factors: TotpFactorsRepository,
    private readonly failureRuns: FailureRunsRepository,
    private readonly assurance: AssuranceService,
    private readonly events: MfaEvents,
  ) {
    this.box = new SecretBox(config.encryptionKey, config.previousEncryptionKeys);
  }

  /** A user who holds a second factor must have stepped up in this session. */
  async enroll(user: MfaUser, label = user.id): Promise<TotpEnrollment> {
    const now = this.clock.now();
    await this.assurance.requireStepUp(user, now);
    const id = randomUUID();
    const secret = new Secret({ size: 20 });
    const sealed = this.box.seal(Buffer.from(secret.bytes), id);
    const stepUp = this.assurance.stepUpCheck(user, now);
    if (!(await this.factors.createPending(id, user.id, sealed.ciphertext, sealed.keyId, now, stepUp))) {
      throw await this.assurance.stepUpRefused(user);
    }
    return { factorId: id, secret: secret.base32, otpauthUrl: this.totp(secret, label).toString() };
  }

  /**
   * The first right code proves the app holds the secret; the factor becomes
   * the user's TOTP factor. Replacing a factor needs the session at aal2.
   */
  async activate(user: MfaUser, code: string): Promise<{ factorId: string; assurance: AssuranceView }> {
    const factor = await this.factors.find(user.id, false);
    if (!factor) throw new MfaError('NO_ACTIVE_CHALLENGE', 'No TOTP enrolment is pending: enrol first.');
    return { factorId: factor.id, assurance: await this.check(user, factor, code, true) };
  }

  /**
   * A success also ends an SMS verification lockout (NIST SP 800-63B: another
   * factor succeeded). Publishes mfa.totp.verified / mfa.totp.failed.
   */
  async verify(
    user: MfaUser,
    code: string,
    context: RequestContext = {},
  ): Promise<{ factorId: string; assurance: AssuranceView }> {
    try {
      const factor = await this.factors.find(user.id, true);
      if (!factor) throw new MfaError('NOT_FOUND', 'The user has no TOTP factor.');
      const assurance = await this.check(user, factor, code, false);
      // Another factor succeeded: the SMS run of wrong codes ends too (NIST SP 800-63B). The
      // verification already stands: should this fail, the SMS lockout just runs its course.
      await this.failureRuns.reset(user.id, ['sms']).catch((err: unknown) => {
        this.logger.warn(`SMS lockout not lifted after a TOTP success: ${errorSummary(err)}`);
      });
      this.events.emit(MfaEvent.TotpVerified, {
        userId: user.id,
        factorId: factor.id,
        ip: context.ip,
        at: this.clock.now(),
      });
      return { factorId: factor.id, assurance };
    } catch (err) {
      this.events.refused(MfaEvent.TotpFailed, err, { userId: user.id, ip: context.ip, at: this.clock.now() });
      throw err;
    }
  }

  /**
   * Count first, then compare: the guess is taken on the user's run of wrong
   * TOTP codes atomically (none while a wait runs, none past the hard limit),
   * so parallel guesses cannot all slip through when a wait ends.
   */
  private async check(user: MfaUser, factor: TotpFactor, code: string, activate: boolean): Promise<AssuranceView> {
    if (!/^\d{6}$/.test(code)) throw new MfaError('VALIDATION_FAILED', 'code must be 6 digits');
    const now = this.clock.now();
    const { totpFailureThreshold: threshold, totpFailureHardLimit: hardLimit } = this.config;
    const secretBytes = this.openSecret(factor);
    const guess = await this.failureRuns.takeGuess('totp', user.id, now, threshold, hardLimit);
    if (!guess.taken) throw guessRefused('totp_failures', guess, hardLimit, now);
    const totp = this.totp(new Secret({ buffer: new Uint8Array(secretBytes).buffer }), factor.userId);
    const delta = totp.validate({ token: code, timestamp: now.getTime(), window: WINDOW });
    if (delta === null) throw new MfaError('CODE_INVALID');
    const step = Math.floor(now.getTime() / 1000 / PERIOD) + delta;
    const activation = activate ? this.assurance.stepUpCheck(user, now, 'aal2') : undefined;
    const result = await this.factors.useStep(
      factor.id,
      user.id,
      step,
      this.assurance.raise(user, 'totp', now),
      activation,
    );
    if (!result.allowed) throw await this.assurance.stepUpRefused(user);
    if (!result.used) throw new MfaError('CODE_INVALID', 'This code was already used: wait for the next one.');
    if (this.box.isStale(factor.keyId)) {
      const sealed = this.box.seal(secretBytes, factor.id);
      await this.factors.reseal(factor.id, sealed.ciphertext, sealed.keyId);
    }
    return this.assurance.raised(user, 'totp', result.assurance);
  }

  /**
   * The factor's secret. One that does not open (sealed under a key that is
   * no longer configured, or failing its integrity check) cannot be checked:
   * that is the operator's to fix, so the user gets a 503 that costs no guess,
   * and the log says which, at most once an hour per key id.
   */
  private openSecret(factor: TotpFactor): Buffer {
    try {
      return this.box.open({ ciphertext: factor.secretEnc, keyId: factor.keyId }, factor.id);
    } catch (err) {
      const now = this.clock.now().getTime();
      if (now - (this.unopenedLogged.get(factor.keyId) ?? -Infinity) >= 3_600_000) {
        this.unopenedLogged.set(factor.keyId, now);
        this.logger.error(
          this.box.hasKey(factor.keyId)
            ? `TOTP factor ${factor.id} fails its integrity check under key id ${factor.keyId}: the stored secret was altered or copied (${errorSummary(err)})`
            : `TOTP factor ${factor.id} is sealed under key id ${factor.keyId}, which is not configured: restore that key in MFA_ENCRYPTION_KEY or MFA_ENCRYPTION_PREVIOUS_KEYS`,
        );
      }
      throw new MfaError('SERVICE_UNAVAILABLE', 'TOTP cannot be checked right now: verify with another method.', {
        retryAfterSeconds: 300,
      });
    }
  }

  private totp(secret: Secret, label: string): TOTP {
    return new TOTP({ issuer: this.config.appName, label, ...TOTP_PARAMS, secret });
  }
}
