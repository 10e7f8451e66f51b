import { Inject, Injectable } from '@nestjs/common';
import { AssuranceService, AssuranceView } from '../assurance/assurance.service';
import { ChallengeService } from '../challenges/challenge.service';
import { clientKey } from '../common/client-ip';
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
import { FactorRemovalRepository } from './factor-removal.repository';
import { RecoveryCodesService, RecoveryVerification } from './recovery/recovery-codes.service';
import { TotpFactorsRepository } from './totp/totp-factors.repository';
import { TotpEnrollment, TotpService } from './totp/totp.service';
import { SmsFactorsRepository } from './sms-factors.repository';
import { FactorView, MfaUser, RequestContext, SmsChallengeResult, SmsEnrollmentResult } from './mfa.types';

/** Outcomes of a verification that mean "not this code", as opposed to refusals of the request. */
const WRONG_CODE = new Set(['CODE_INVALID', 'CODE_EXPIRED', 'TOO_MANY_ATTEMPTS', 'NO_ACTIVE_CHALLENGE']);

/**
 * The host-facing API (README, Embedding): enrolment and challenge of the SMS
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
    private readonly assurance: AssuranceService,
    private readonly recoveryCodes: RecoveryCodesService,
    private readonly removal: FactorRemovalRepository,
  ) {}

  /**
   * Sends an ownership code to a new number; the factor is verified by
   * `verifySmsEnrollment`. A user who already holds a second factor must have
   * stepped up in this session (STEP_UP_REQUIRED, before anything is sent).
   */
  async enrollSms(user: MfaUser, phoneNumber: string, context: RequestContext = {}): Promise<SmsEnrollmentResult> {
    this.assertEnabled();
    await this.assurance.requireStepUp(user);
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
    return this.dispatch.send(screened);
  }

  /** Proves the number; it replaces the user's previous one, and the session reaches aal2. */
  async verifySmsEnrollment(
    user: MfaUser,
    code: string,
    context: RequestContext = {},
  ): Promise<{ factorId: string; verified: true } & AssuranceView> {
    this.assertEnabled();
    const { challenge } = await this.observed('enroll', user, context, () => this.challenges.verify(user.id, 'enroll', code));
    const now = this.clock.now();
    const marked = await this.factors.markVerifiedReplacingOthers(
      challenge.factorId,
      user.id,
      this.assurance.stepUpCheck(user, now, 'aal2'),
      this.assurance.raise(user, 'sms', now),
    );
    if (!marked.allowed) throw await this.assurance.stepUpRefused(user);
    return { factorId: challenge.factorId, verified: true, ...this.assurance.raised(user, 'sms', marked.assurance) };
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
    const { factorId: _, ...sent } = await this.dispatch.send(screened, factor.id);
    return sent;
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

  /**
   * As verifySmsCode, but says why a code was refused (the REST API's form),
   * and returns the session's assurance, raised in the same statement.
   */
  async verifySmsCodeOrThrow(user: MfaUser, code: string, context: RequestContext = {}): Promise<AssuranceView> {
    this.assertEnabled();
    const raise = this.assurance.raise(user, 'sms', this.clock.now());
    const { assurance } = await this.observed('login', user, context, () =>
      this.challenges.verify(user.id, 'login', code, raise),
    );
    return this.assurance.raised(user, 'sms', assurance);
  }

  /** Starts a TOTP enrolment (step-up needed when the user holds a second factor). */
  enrollTotp(user: MfaUser): Promise<TotpEnrollment> {
    return this.totp.enroll(user);
  }

  async activateTotp(user: MfaUser, code: string): Promise<{ factorId: string; verified: true } & AssuranceView> {
    const { factorId, assurance } = await this.totp.activate(user, code);
    return { factorId, verified: true, ...assurance };
  }

  /** Verifies the primary factor; a success also ends an SMS verification lockout. */
  async verifyTotp(user: MfaUser, code: string, context: RequestContext = {}): Promise<AssuranceView> {
    const at = () => this.clock.now();
    try {
      const { factorId, assurance } = await this.totp.verify(user, code);
      this.events.emit(MfaEvent.TotpVerified, { userId: user.id, factorId, ip: context.ip, at: at() });
      return assurance;
    } catch (err) {
      if (err instanceof MfaError) this.events.emit(MfaEvent.TotpFailed, { userId: user.id, reason: err.code, ip: context.ip, at: at() });
      throw err;
    }
  }

  /** A new set of ten recovery codes, shown once; the old set dies (step-up needed when the user holds a factor). */
  generateRecoveryCodes(user: MfaUser): Promise<{ codes: string[] }> {
    return this.recoveryCodes.regenerate(user);
  }

  /** Uses one recovery code: the session reaches aal2. Wrong codes count like wrong SMS codes. */
  async verifyRecoveryCode(user: MfaUser, code: string, context: RequestContext = {}): Promise<RecoveryVerification> {
    const at = () => this.clock.now();
    try {
      const verified = await this.recoveryCodes.verify(user, code);
      this.events.emit(MfaEvent.RecoveryCodeVerified, { userId: user.id, ip: context.ip, at: at() });
      return verified;
    } catch (err) {
      if (err instanceof MfaError) this.events.emit(MfaEvent.RecoveryCodeFailed, { userId: user.id, reason: err.code, ip: context.ip, at: at() });
      throw err;
    }
  }

  /** The session's assurance: aal2 while a second factor shown in it is recent enough. */
  getAssurance(user: MfaUser): Promise<AssuranceView> {
    return this.assurance.get(user);
  }

  /** Logout: the session drops back to aal1 on every instance. */
  endSession(user: MfaUser): Promise<void> {
    return this.assurance.end(user);
  }

  /** Every factor of every kind, oldest first; numbers masked. */
  async listFactors(userId: string): Promise<FactorView[]> {
    const [sms, totp, recovery] = await Promise.all([
      this.factors.list(userId),
      this.totpFactors.list(userId),
      this.recoveryCodes.list(userId),
    ]);
    const views: FactorView[] = [
      ...recovery.map((set) => ({ id: set.id, type: 'recovery_codes' as const, remaining: set.remaining, createdAt: set.createdAt })),
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
   * Removes a factor of any kind (recovery codes: the whole set). Needs a
   * step-up in this session when the user holds a second factor. Removing the
   * last verified factor is refused with LAST_FACTOR unless the host allows it
   * (allowRemovingLastFactor); recovery codes do not count as one.
   */
  async deleteFactor(user: MfaUser, factorId: string): Promise<void> {
    const now = this.clock.now();
    await this.assurance.requireStepUp(user, now);
    const outcome = await this.removal.remove(
      user.id,
      factorId,
      this.assurance.stepUpCheck(user, now),
      now,
      this.config.allowRemovingLastFactor,
    );
    if (outcome === 'not_found') throw new MfaError('NOT_FOUND', 'No such factor.');
    if (outcome === 'step_up_required') throw await this.assurance.stepUpRefused(user);
    if (outcome === 'last_factor') throw new MfaError('LAST_FACTOR');
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
  private async observed<T extends { challenge: { factorId: string; id: string } }>(
    purpose: 'enroll' | 'login',
    user: MfaUser,
    context: RequestContext,
    verify: () => Promise<T>,
  ): Promise<T> {
    try {
      const verified = await verify();
      const { challenge } = verified;
      this.metrics.verifyTotal.inc({ result: 'verified' });
      this.events.emit(MfaEvent.SmsVerified, {
        userId: user.id,
        factorId: challenge.factorId,
        challengeId: challenge.id,
        purpose,
        ip: context.ip,
        at: this.clock.now(),
      });
      return verified;
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
            clientIp: clientKey(context.ip, this.config.ipv6SubnetPrefix),
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
