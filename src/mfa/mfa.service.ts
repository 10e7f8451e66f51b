import { Inject, Injectable } from '@nestjs/common';
import { ChallengeService } from '../challenges/challenge.service';
import { Clock } from '../common/clock';
import { MfaError } from '../common/mfa-error';
import { MFA_CONFIG, type MfaConfig } from '../config/mfa-config';
import { FraudGuard } from '../fraud/fraud-guard.service';
import { MfaMetrics } from '../metrics/mfa-metrics';
import { DataRightsService, ErasureReport, UserDataExport } from '../privacy/data-rights.service';
import { CountryRulesRepository } from '../phone/country-rules.repository';
import { maskPhone } from '../phone/mask';
import { numberPrefix, parseMobilePhone, parsePhone, PhoneNumber } from '../phone/phone-number';
import { OptOutsRepository } from '../sms/opt-outs.repository';
import { MfaEvent, MfaEvents } from './mfa-events';
import { SmsCodeDispatch } from './sms-code-dispatch.service';
import { TotpFactorsRepository } from './totp/totp-factors.repository';
import { TotpEnrollment, TotpService } from './totp/totp.service';
import { SmsFactorsRepository } from './sms-factors.repository';
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
    private readonly dispatch: SmsCodeDispatch,
    private readonly optOuts: OptOutsRepository,
    private readonly countryRules: CountryRulesRepository,
    private readonly fraud: FraudGuard,
    private readonly totp: TotpService,
    private readonly totpFactors: TotpFactorsRepository,
    private readonly events: MfaEvents,
    private readonly metrics: MfaMetrics,
    private readonly dataRights: DataRightsService,
  ) {}

  /** Sends an ownership code to a new number; the factor is verified by `verifySmsEnrollment`. */
  async enrollSms(user: MfaUser, phoneNumber: string, context: RequestContext = {}): Promise<SmsEnrollmentResult> {
    this.assertEnabled();
    const phone = await this.parseForEnrolment(user, phoneNumber, context);
    const [optedOut, countryRules] = await Promise.all([
      this.optOuts.isOptedOut(phone.e164),
      this.countryRules.verdictInput(phone.country),
    ]);
    const screened = await this.dispatch.screen({
      userId: user.id,
      phoneE164: phone.e164,
      country: phone.country,
      purpose: 'enroll',
      context,
      optedOut,
      countryRules,
      withStatistics: true,
      locales: [context.locale, user.locale],
    });
    const factor = await this.factors.upsert(user.id, phone.e164, phone.country, this.clock.now());
    const result = await this.dispatch.send(screened, factor.id);
    return { factorId: factor.id, ...result };
  }

  async verifySmsEnrollment(user: MfaUser, code: string, context: RequestContext = {}): Promise<{ factorId: string; verified: true }> {
    this.assertEnabled();
    const challenge = await this.observed('enroll', user, context, () => this.challenges.verify(user.id, 'enroll', code));
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
    const factor = await this.factors.findSendable(user.id);
    const requested = phoneNumber ?? user.phoneNumber;
    if (!factor || (requested !== undefined && parsePhone(requested).e164 !== factor.phoneE164)) {
      throw new MfaError('PHONE_NOT_VERIFIED');
    }
    const screened = await this.dispatch.screen({
      userId: user.id,
      phoneE164: factor.phoneE164,
      country: factor.country,
      purpose: 'login',
      context,
      optedOut: factor.optedOut,
      countryRules: factor.countryRules,
      // Possession of this number is proven: the traffic heuristics target unproven numbers.
      withStatistics: false,
      locales: [context.locale, user.locale],
    });
    return this.dispatch.send(screened, factor.id);
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
  async verifySmsCodeOrThrow(user: MfaUser, code: string, context: RequestContext = {}): Promise<void> {
    this.assertEnabled();
    await this.observed('login', user, context, () => this.challenges.verify(user.id, 'login', code));
  }

  enrollTotp(user: MfaUser): Promise<TotpEnrollment> {
    return this.totp.enroll(user.id);
  }

  activateTotp(user: MfaUser, code: string): Promise<{ factorId: string; verified: true }> {
    return this.totp.activate(user.id, code);
  }

  /** Verifies the primary factor; a success also ends an SMS verification lockout. */
  async verifyTotp(user: MfaUser, code: string, context: RequestContext = {}): Promise<void> {
    try {
      const { factorId } = await this.totp.verify(user.id, code);
      this.events.emit(MfaEvent.TotpVerified, { userId: user.id, factorId, ip: context.ip, at: this.clock.now() });
    } catch (err) {
      if (err instanceof MfaError) {
        this.events.emit(MfaEvent.TotpFailed, { userId: user.id, reason: err.code, ip: context.ip, at: this.clock.now() });
      }
      throw err;
    }
  }

  /** Every factor of both kinds, oldest first; numbers masked. */
  async listFactors(userId: string): Promise<FactorView[]> {
    const [sms, totp] = await Promise.all([this.factors.list(userId), this.totpFactors.list(userId)]);
    const views: FactorView[] = [
      ...totp.map((f) => ({
        id: f.id,
        type: 'totp' as const,
        verified: f.verifiedAt !== undefined,
        createdAt: f.createdAt,
        lastUsedAt: f.lastUsedAt ?? null,
      })),
      ...sms.map((f) => ({
        id: f.id,
        type: 'sms' as const,
        maskedPhone: maskPhone(f.phoneE164),
        verified: f.verifiedAt !== undefined,
        createdAt: f.createdAt,
        lastUsedAt: f.lastUsedAt ?? null,
      })),
    ];
    return views.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
  }

  /**
   * Removes a factor of either kind. Removing the last verified factor is
   * refused with LAST_FACTOR unless the host allows it (allowRemovingLastFactor).
   */
  async deleteFactor(userId: string, factorId: string): Promise<void> {
    const factors = await this.listFactors(userId);
    const factor = factors.find((f) => f.id === factorId);
    if (!factor) throw new MfaError('NOT_FOUND', 'No such factor.');
    const othersVerified = factors.some((f) => f.verified && f.id !== factorId);
    if (factor.verified && !othersVerified && !this.config.allowRemovingLastFactor) throw new MfaError('LAST_FACTOR');
    const removed =
      factor.type === 'sms' ? await this.factors.delete(userId, factorId) : await this.totpFactors.delete(userId, factorId);
    if (!removed) throw new MfaError('NOT_FOUND', 'No such factor.');
  }

  /** GDPR access: everything held about the user (factors, challenges, send log, fraud events, lockouts). */
  exportUserData(userId: string): Promise<UserDataExport> {
    return this.dataRights.export(userId);
  }

  /** GDPR erasure: removes the user's data, keeping only anonymised records a legal hold needs. */
  eraseUserData(userId: string): Promise<ErasureReport> {
    return this.dataRights.erase(userId);
  }

  /** Publishes the outcome of an SMS verification (mfa.sms.verified / mfa.sms.failed). */
  private async observed<T extends { factorId: string; id: string }>(
    purpose: 'enroll' | 'login',
    user: MfaUser,
    context: RequestContext,
    verify: () => Promise<T>,
  ): Promise<T> {
    try {
      const challenge = await verify();
      this.metrics.verifyTotal.inc({ result: 'verified' });
      this.events.emit(MfaEvent.SmsVerified, {
        userId: user.id,
        factorId: challenge.factorId,
        challengeId: challenge.id,
        purpose,
        ip: context.ip,
        at: this.clock.now(),
      });
      return challenge;
    } catch (err) {
      if (err instanceof MfaError) {
        this.metrics.verifyTotal.inc({ result: err.code.toLowerCase() });
        this.events.emit(MfaEvent.SmsFailed, { userId: user.id, reason: err.code, purpose, ip: context.ip, at: this.clock.now() });
      }
      throw err;
    }
  }

  /** Line-type refusals of pumping targets are recorded as fraud events, so operators see the attempts. */
  private async parseForEnrolment(user: MfaUser, phoneNumber: string, context: RequestContext): Promise<PhoneNumber> {
    try {
      return parseMobilePhone(phoneNumber);
    } catch (err) {
      if (err instanceof MfaError && err.code === 'SUSPICIOUS_NUMBER') {
        const phone = parsePhone(phoneNumber);
        await this.fraud.report(
          [{ rule: 'line_type', detail: `number type ${phone.type}` }],
          {
            e164: phone.e164,
            callingCode: phone.callingCode,
            nationalNumber: phone.nationalNumber,
            prefix: numberPrefix(phone),
            country: phone.country,
            userId: user.id,
            clientIp: context.ip,
          },
          'blocked',
        );
      }
      throw err;
    }
  }

  private assertEnabled(): void {
    if (!this.config.smsEnabled) throw new MfaError('SMS_DISABLED');
  }
}
