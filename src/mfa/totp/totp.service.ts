import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { Secret, TOTP } from 'otpauth';
import { ChallengeService } from '../../challenges/challenge.service';
import { Clock } from '../../common/clock';
import { MfaError } from '../../common/mfa-error';
import { MFA_CONFIG, type MfaConfig } from '../../config/mfa-config';
import { waitingError } from '../../rate-limit/failure-run';
import { SecretBox } from './secret-box';
import { TotpFactor, TotpFactorsRepository } from './totp-factors.repository';

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
  private readonly box: SecretBox;

  constructor(
    @Inject(MFA_CONFIG) private readonly config: MfaConfig,
    @Inject(Clock) private readonly clock: Clock,
    private readonly factors: TotpFactorsRepository,
    private readonly smsChallenges: ChallengeService,
  ) {
    this.box = new SecretBox(config.encryptionKey, config.previousEncryptionKeys);
  }

  async enroll(userId: string, label = userId): Promise<TotpEnrollment> {
    const id = randomUUID();
    const secret = new Secret({ size: 20 });
    const sealed = this.box.seal(Buffer.from(secret.bytes), id);
    await this.factors.createPending(id, userId, sealed.ciphertext, sealed.keyId, this.clock.now());
    return { factorId: id, secret: secret.base32, otpauthUrl: this.totp(secret, label).toString() };
  }

  /** The first right code proves the app holds the secret; the factor becomes the user's TOTP factor. */
  async activate(userId: string, code: string): Promise<{ factorId: string; verified: true }> {
    const factor = await this.factors.find(userId, false);
    if (!factor) throw new MfaError('NO_ACTIVE_CHALLENGE', 'No TOTP enrolment is pending: enrol first.');
    await this.check(factor, code, true);
    return { factorId: factor.id, verified: true };
  }

  async verify(userId: string, code: string): Promise<{ factorId: string }> {
    const factor = await this.factors.find(userId, true);
    if (!factor) throw new MfaError('NOT_FOUND', 'The user has no TOTP factor.');
    await this.check(factor, code, false);
    // A success with another factor ends an SMS verification lockout (NIST SP 800-63B).
    await this.smsChallenges.resetFailures(userId);
    return { factorId: factor.id };
  }

  private async check(factor: TotpFactor, code: string, activate: boolean): Promise<void> {
    if (!/^\d{6}$/.test(code)) throw new MfaError('VALIDATION_FAILED', 'code must be 6 digits');
    const now = this.clock.now();
    const waiting = waitingError('totp_failures', factor.lockedUntil, now);
    if (waiting) throw waiting;
    const secretBytes = this.box.open({ ciphertext: factor.secretEnc, keyId: factor.keyId }, factor.id);
    const totp = this.totp(new Secret({ buffer: new Uint8Array(secretBytes).buffer }), factor.userId);
    const delta = totp.validate({ token: code, timestamp: now.getTime(), window: WINDOW });
    if (delta === null) {
      await this.factors.recordFailure(factor.userId, now, this.config.totpFailureThreshold);
      throw new MfaError('CODE_INVALID');
    }
    const step = Math.floor(now.getTime() / 1000 / PERIOD) + delta;
    if (!(await this.factors.useStep(factor.id, factor.userId, step, now, activate))) {
      throw new MfaError('CODE_INVALID', 'This code was already used: wait for the next one.');
    }
    if (this.box.isStale(factor.keyId)) {
      const sealed = this.box.seal(secretBytes, factor.id);
      await this.factors.reseal(factor.id, sealed.ciphertext, sealed.keyId);
    }
  }

  private totp(secret: Secret, label: string): TOTP {
    return new TOTP({ issuer: this.config.appName, label, ...TOTP_PARAMS, secret });
  }
}
