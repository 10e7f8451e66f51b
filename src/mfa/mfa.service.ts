import { Inject, Injectable } from '@nestjs/common';
import { ChallengeService } from '../challenges/challenge.service';
import { ChallengePurpose } from '../challenges/challenges.repository';
import { Clock } from '../common/clock';
import { MfaError } from '../common/mfa-error';
import { MFA_CONFIG, type MfaConfig } from '../config/mfa-config';
import { maskPhone } from '../phone/mask';
import { parseMobilePhone } from '../phone/phone-number';
import { SmsSender } from '../sms/sms-sender.service';
import { MessageRenderer } from '../sms/templates/message-renderer';
import { OptOutsRepository } from '../sms/opt-outs.repository';
import { SmsFactor, SmsFactorsRepository } from './sms-factors.repository';
import { FactorView, MfaUser, RequestContext, SmsChallengeResult, SmsEnrollmentResult } from './mfa.types';

/** Outcomes of a verification that mean "not this code", as opposed to refusals of the request. */
const WRONG_CODE = new Set(['CODE_INVALID', 'CODE_EXPIRED', 'TOO_MANY_ATTEMPTS', 'NO_ACTIVE_CHALLENGE']);

/**
 * The host-facing API (SPEC section 2): enrolment and challenge of the SMS
 * factor. It orders the steps; each step's rules live in its own service.
 */
@Injectable()
export class MfaService {
  constructor(
    @Inject(MFA_CONFIG) private readonly config: MfaConfig,
    @Inject(Clock) private readonly clock: Clock,
    private readonly factors: SmsFactorsRepository,
    private readonly challenges: ChallengeService,
    private readonly sender: SmsSender,
    private readonly renderer: MessageRenderer,
    private readonly optOuts: OptOutsRepository,
  ) {}

  /** Sends an ownership code to a new number; the factor is verified by `verifySmsEnrollment`. */
  async enrollSms(user: MfaUser, phoneNumber: string, context: RequestContext = {}): Promise<SmsEnrollmentResult> {
    this.assertEnabled();
    const phone = parseMobilePhone(phoneNumber);
    const factor = await this.factors.upsert(user.id, phone.e164, phone.country, this.clock.now());
    factor.optedOut = await this.optOuts.isOptedOut(phone.e164);
    const result = await this.sendCode(user, factor, 'enroll', context);
    return { factorId: factor.id, ...result };
  }

  async verifySmsEnrollment(user: MfaUser, code: string): Promise<{ factorId: string; verified: true }> {
    this.assertEnabled();
    const challenge = await this.challenges.verify(user.id, 'enroll', code);
    await this.factors.markVerifiedReplacingOthers(challenge.factorId, user.id, this.clock.now());
    return { factorId: challenge.factorId, verified: true };
  }

  /**
   * Sends a login code to the user's verified number. A number given here must
   * be that number: ownership is proven only by enrolment.
   */
  async initiateSmsVerification(
    user: MfaUser,
    phoneNumber?: string,
    context: RequestContext = {},
  ): Promise<SmsChallengeResult> {
    this.assertEnabled();
    const factor = await this.factors.findVerified(user.id);
    const requested = phoneNumber ?? user.phoneNumber;
    if (!factor || (requested !== undefined && parseMobilePhone(requested).e164 !== factor.phoneE164)) {
      throw new MfaError('PHONE_NOT_VERIFIED');
    }
    return this.sendCode(user, factor, 'login', context);
  }

  /** true when the code is right; false for a wrong, expired, exhausted or missing code. */
  async verifySmsCode(user: MfaUser, code: string, context: RequestContext = {}): Promise<boolean> {
    try {
      await this.verifySmsCodeOrThrow(user, code, context);
      return true;
    } catch (err) {
      if (err instanceof MfaError && WRONG_CODE.has(err.code)) return false;
      throw err;
    }
  }

  /** As verifySmsCode, but says why a code was refused (the REST API's form). */
  async verifySmsCodeOrThrow(user: MfaUser, code: string, _context: RequestContext = {}): Promise<void> {
    this.assertEnabled();
    await this.challenges.verify(user.id, 'login', code);
  }

  async listFactors(userId: string): Promise<FactorView[]> {
    const sms = await this.factors.list(userId);
    return sms.map((f) => ({
      id: f.id,
      type: 'sms' as const,
      maskedPhone: maskPhone(f.phoneE164),
      verified: f.verifiedAt !== undefined,
      createdAt: f.createdAt,
      lastUsedAt: f.lastUsedAt ?? null,
    }));
  }

  async deleteFactor(userId: string, factorId: string): Promise<void> {
    if (!(await this.factors.delete(userId, factorId))) throw new MfaError('NOT_FOUND', 'No such factor.');
  }

  private async sendCode(
    user: MfaUser,
    factor: SmsFactor,
    purpose: ChallengePurpose,
    context: RequestContext,
  ): Promise<SmsChallengeResult> {
    if (factor.optedOut) throw new MfaError('PHONE_OPTED_OUT');
    const firstProvider = (await this.sender.reserve()).name;
    const issued = await this.challenges.issue({
      userId: user.id,
      factorId: factor.id,
      phoneE164: factor.phoneE164,
      purpose,
      clientIp: context.ip,
      country: factor.country,
      firstProvider,
    });
    const message = this.renderer.render(issued.code);
    try {
      await this.sender.deliver(
        { to: factor.phoneE164, body: message.body, reference: issued.id },
        {
          challengeId: issued.id,
          userId: user.id,
          country: factor.country,
          reserved: { attemptId: issued.firstAttemptId, provider: firstProvider },
        },
      );
    } catch (err) {
      await this.challenges.invalidate(issued.id);
      throw err;
    }
    return {
      challengeId: issued.id,
      maskedPhone: maskPhone(factor.phoneE164),
      expiresAt: issued.expiresAt,
      resendAvailableAt: new Date(issued.createdAt.getTime() + this.config.cooldownMinutes * 60_000),
    };
  }

  private assertEnabled(): void {
    if (!this.config.smsEnabled) throw new MfaError('SMS_DISABLED');
  }
}
