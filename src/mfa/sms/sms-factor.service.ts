import { Inject, Injectable } from '@nestjs/common';
import { AssuranceService, AssuranceView } from '../../assurance/assurance.service';
import { ChallengeVerifier } from '../../challenges/challenge-verifier.service';
import { clientKey } from '../../common/client-ip';
import { Clock } from '../../common/clock';
import { MfaError } from '../../common/mfa-error';
import { MfaEvent, MfaEvents } from '../../common/mfa-events';
import { MFA_FACTORS_CONFIG, type MfaFactorsConfig } from '../mfa.config';
import { FraudScreen } from '../../fraud/fraud-screen.service';
import { MfaMetrics } from '../../metrics/mfa-metrics';
import { numberPrefix, parsePhone, parsePhoneFor, PhoneNumber, storedPhone } from '../../phone/phone-number';
import type { Channel } from '../../common/channel';
import { offeredChannel, SmsDispatcher } from '../../sms/sms-dispatcher.service';
import { ConversionFeedback } from '../../sms/conversion-feedback.service';
import type { AcceptedDelivery } from '../../challenges/challenges.repository';
import type { MfaUser, RequestContext, SmsChallengeResult, SmsEnrollmentResult } from '../../common/mfa.types';
import { SmsFactorsRepository } from '../../factors/sms-factors.repository';

/**
 * The SMS factor: enrolment (an ownership code to a new number), its
 * verification, login codes to the verified number and their verification.
 * The number is parsed once, where it enters, and passed down as a PhoneNumber.
 */
@Injectable()
export class SmsFactorService {
  constructor(
    @Inject(MFA_FACTORS_CONFIG) private readonly config: MfaFactorsConfig,
    @Inject(Clock) private readonly clock: Clock,
    private readonly factors: SmsFactorsRepository,
    private readonly challenges: ChallengeVerifier,
    private readonly dispatcher: SmsDispatcher,
    private readonly fraud: FraudScreen,
    private readonly assurance: AssuranceService,
    private readonly events: MfaEvents,
    private readonly metrics: MfaMetrics,
    private readonly feedback: ConversionFeedback,
  ) {}

  /**
   * A user who already holds a second factor must have stepped up in this
   * session (before anything is sent). By voice, the number may be a fixed line.
   */
  async enroll(user: MfaUser, phoneNumber: string, context: RequestContext, channel?: string): Promise<SmsEnrollmentResult> {
    this.assertEnabled();
    const via = offeredChannel(this.config.channels, channel);
    await this.assurance.requireStepUp(user);
    const phone = await this.parseForEnrolment(user, phoneNumber, context, via);
    return this.dispatcher.dispatch({
      userId: user.id,
      channel: via,
      fixedLine: phone.type === 'FIXED_LINE',
      phone,
      purpose: 'enroll',
      context,
      withStatistics: true,
      locales: [context.locale, user.locale],
    });
  }

  /** Proves the number; it replaces the user's previous one, and the session reaches aal2. */
  async verifyEnrollment(
    user: MfaUser,
    code: string,
    context: RequestContext,
  ): Promise<{ factorId: string; verified: true } & AssuranceView> {
    this.assertEnabled();
    const { challenge } = await this.observed('enroll', user, context, () =>
      this.challenges.verify(user.id, 'enroll', code),
    );
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

  /** A login code to the verified number; a number given here must be that number (ownership comes from enrolment only). */
  async challenge(
    user: MfaUser,
    phoneNumber: string | undefined,
    context: RequestContext,
    channel?: string,
  ): Promise<SmsChallengeResult> {
    this.assertEnabled();
    const via = offeredChannel(this.config.channels, channel);
    const requested = phoneNumber ?? user.phoneNumber;
    const locales = [context.locale, user.locale];
    // One statement when the number needs nothing but what that statement reads and checks…
    const named = requested === undefined ? undefined : e164Spelling(requested);
    const folded =
      named === null
        ? undefined
        : await this.dispatcher.dispatchToVerified({ userId: user.id, channel: via, requestedPhone: named, context, locales });
    if (folded) {
      const { factorId: _, ...sent } = folded;
      return sent;
    }
    // …else the long way, which reads the factor first and gives every refusal its own answer.
    const factor = await this.factors.findSendable(user.id);
    // The stored number is canonical E.164: only another spelling needs parsing.
    const other = requested !== undefined && requested !== factor?.phoneE164 && parsePhone(requested).e164 !== factor?.phoneE164;
    if (!factor || other) {
      throw new MfaError('PHONE_NOT_VERIFIED');
    }
    if (factor.fixedLine && via !== 'voice') {
      throw new MfaError('CHANNEL_NOT_AVAILABLE', 'This number is a fixed line: it can take a code by voice only.');
    }
    const phone = storedPhone(factor.phoneE164, factor.country);
    if (!factor.prefix) await this.factors.recordPrefix(factor.id, numberPrefix(phone));
    const { factorId: _, ...sent } = await this.dispatcher.dispatch({
      userId: user.id,
      channel: via,
      phone,
      purpose: 'login',
      factorId: factor.id,
      context,
      // Read with the factor, in the same statement.
      known: { optedOut: factor.optedOut, countryRules: factor.countryRules },
      // Possession of this number is proven: the traffic heuristics target unproven numbers.
      withStatistics: false,
      locales,
    });
    return sent;
  }

  /** Says why a code was refused; returns the session's assurance, raised in the same statement. */
  async verify(user: MfaUser, code: string, context: RequestContext): Promise<AssuranceView> {
    this.assertEnabled();
    const raise = this.assurance.raise(user, 'sms', this.clock.now());
    const { assurance } = await this.observed('login', user, context, () =>
      this.challenges.verify(user.id, 'login', code, raise),
    );
    return this.assurance.raised(user, 'sms', assurance);
  }

  /** Publishes the outcome of an SMS verification (mfa.sms.verified / mfa.sms.failed). */
  private async observed<T extends { challenge: { factorId: string; id: string }; delivery?: AcceptedDelivery }>(
    purpose: 'enroll' | 'login',
    user: MfaUser,
    context: RequestContext,
    verify: () => Promise<T>,
  ): Promise<T> {
    try {
      const verified = await verify();
      const { challenge } = verified;
      this.metrics.verifyTotal.inc({ result: 'verified' });
      this.feedback.converted(verified.delivery);
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
      if (err instanceof MfaError) this.metrics.verifyTotal.inc({ result: err.code.toLowerCase() });
      this.events.refused(MfaEvent.SmsFailed, err, { userId: user.id, purpose, ip: context.ip, at: this.clock.now() });
      throw err;
    }
  }

  /** Line-type refusals of pumping targets are recorded as fraud events, so operators see the attempts. */
  private async parseForEnrolment(
    user: MfaUser,
    phoneNumber: string,
    context: RequestContext,
    channel: Channel,
  ): Promise<PhoneNumber> {
    try {
      const phone = parsePhoneFor(phoneNumber, channel, this.config.voiceFixedLineCountries);
      if (!phone.country && !this.config.allowNonGeographic) {
        throw new MfaError('COUNTRY_NOT_ALLOWED', 'SMS to numbers of no country (satellite, international networks) is not allowed.');
      }
      return phone;
    } catch (err) {
      if (err instanceof MfaError && err.code === 'SUSPICIOUS_NUMBER') {
        const phone = parsePhone(phoneNumber);
        await this.fraud.report(
          [{ rule: 'line_type', detail: `number type ${phone.type}` }],
          {
            ...phone,
            prefix: numberPrefix(phone),
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

/**
 * A named number in E.164, as the statement compares it with the stored one:
 * as given, or parsed from another spelling; null when it is neither (the
 * long way answers it: INVALID_PHONE, or an exact match with the stored number).
 */
function e164Spelling(phone: string): string | null {
  if (E164.test(phone)) return phone;
  try {
    const { e164 } = parsePhone(phone);
    return E164.test(e164) ? e164 : null;
  } catch {
    return null;
  }
}

const E164 = /^\+\d{1,15}$/;
