import { Inject, Injectable, Logger } from '@nestjs/common';
import { ChallengeService, IssuedChallenge } from '../challenges/challenge.service';
import { Clock } from '../common/clock';
import type { ChallengePurpose } from '../challenges/challenges.repository';
import { clientKey } from '../common/client-ip';
import { MfaError } from '../common/mfa-error';
import { SMS_CONFIG, type SmsConfig } from './sms.config';
import { FraudGuard } from '../fraud/fraud-guard.service';
import { assertCountryAllowed } from '../phone/country-policy';
import type { CountryVerdictInput } from '../phone/country-rules.repository';
import { maskSplit } from '../phone/mask';
import { numberPrefix, PhoneNumber } from '../phone/phone-number';
import { DeliveryFailed, SmsSender } from './sms-sender.service';
import { PriceBook } from './pricing/price-book';
import { SpendGuard } from './pricing/spend-guard';
import { testNumberCode } from './test-numbers';
import { MessageRenderer } from './templates/message-renderer';
import { MfaEvent, MfaEvents } from '../common/mfa-events';
import type { RequestContext, SmsChallengeResult } from '../mfa/mfa.types';

export interface DispatchRequest {
  userId: string;
  /** The number, parsed once where it entered (or read back from its factor). */
  phone: PhoneNumber;
  purpose: ChallengePurpose;
  context: RequestContext;
  /** Read by the caller together with the number. */
  optedOut: boolean;
  countryRules: CountryVerdictInput;
  /** Traffic statistics for the fraud rules: for numbers whose possession is not yet proven. */
  withStatistics: boolean;
  /** Locale preferences, most authoritative first (tags or Accept-Language values). */
  locales: (string | undefined)[];
}

/** A request that passed the screening, with the number's range and masked form, and the client's key. */
export interface Screened extends DispatchRequest {
  prefix: string;
  maskedPhone: string;
  /** The client address as limits and rules key it (IPv6 by its network). */
  clientKey?: string;
  /** A test number's fixed code: no provider, limit, budget or fraud rule applies. */
  fixedCode?: string;
}

/**
 * Sends one code to one number, in order: opt-out, country rules, fraud
 * rules, then the atomic issue (limits, challenge, an enrolment's factor, first
 * attempt) and delivery, where each provider's budget slot is taken at
 * hand-over: a request refused anywhere before costs no slot. A send no
 * provider takes is withdrawn (the code and an enrolment's new factor die);
 * its quota is given back only when no provider could take it through no
 * fault of the number.
 */
@Injectable()
export class SmsCodeDispatch {
  private readonly logger = new Logger('SmsCodeDispatch');

  constructor(
    private readonly challenges: ChallengeService,
    private readonly sender: SmsSender,
    private readonly renderer: MessageRenderer,
    private readonly fraud: FraudGuard,
    private readonly events: MfaEvents,
    @Inject(SMS_CONFIG) private readonly config: SmsConfig,
    @Inject(Clock) private readonly clock: Clock,
    private readonly spend: SpendGuard,
    private readonly prices: PriceBook,
  ) {}

  /**
   * Opt-out, country and fraud rules, before anything is written for this
   * number (an enrolment refused here leaves no factor behind).
   */
  async screen(req: DispatchRequest): Promise<Screened> {
    if (req.optedOut) throw new MfaError('PHONE_OPTED_OUT');
    const { e164, country, callingCode, nationalNumber } = req.phone;
    assertCountryAllowed(country, req.countryRules);
    const prefix = numberPrefix(req.phone);
    const client = clientKey(req.context.ip, this.config.ipv6SubnetPrefix);
    const screened = { ...req, prefix, maskedPhone: maskSplit({ callingCode, nationalNumber }), clientKey: client };
    const fixedCode = testNumberCode(this.config, e164, this.clock.now());
    if (fixedCode) return { ...screened, fixedCode };
    await this.fraud.check({
      e164,
      callingCode,
      nationalNumber,
      prefix,
      country,
      userId: req.userId,
      clientIp: client,
      withStatistics: req.withStatistics,
    });
    return screened;
  }

  /** Issues the code under the limits (an enrolment without `factorId` creates its factor), then delivers it. */
  async send(req: Screened, factorId?: string): Promise<SmsChallengeResult & { factorId: string }> {
    const issue = {
      userId: req.userId,
      factorId,
      phoneE164: req.phone.e164,
      prefix: req.prefix,
      purpose: req.purpose,
      clientIp: req.clientKey,
      country: req.phone.country,
    };
    if (req.fixedCode) return this.sent(req, await this.challenges.issueFixed(issue, req.fixedCode), 'TEST');
    const { e164, country } = req.phone;
    const firstProvider = this.sender.firstCandidate(country);
    const reservation = await this.spend.reserve(country, () =>
      this.prices.worstCase(this.sender.enabledProviders, country, this.renderer.segmentsFor(req.locales)),
    );
    let issued: IssuedChallenge;
    try {
      issued = await this.challenges.issue({ ...issue, firstProvider });
    } catch (err) {
      await this.spend.release(reservation);
      throw err;
    }
    const message = this.renderer.render(issued.code, req.locales);
    let delivery;
    try {
      delivery = await this.sender.deliver(
        {
          channel: 'sms',
          to: e164,
          body: message.body,
          reference: issued.id,
          maxPriceUsd: this.config.maxPriceUsd,
        },
        {
          challengeId: issued.id,
          userId: req.userId,
          country,
          firstAttempt: { attemptId: issued.firstAttemptId, provider: firstProvider },
          expiresAt: issued.expiresAt,
          encoding: message.encoding,
          segments: message.segments,
        },
      );
    } catch (err) {
      const failed = err instanceof DeliveryFailed ? err : undefined;
      // The first cause is what the client and the log get: a failing clean-up never masks it.
      await Promise.all([
        this.challenges.withdraw(issued, failed?.refund ?? true),
        this.spend.release(reservation),
      ]).catch((cleanup) =>
        this.logger.error(
          `withdrawing an undelivered code failed after: ${(err as Error).message}; clean-up: ${(cleanup as Error).message}`,
        ),
      );
      throw failed?.error ?? err;
    }
    await this.spend.settle(reservation, country, delivery.costUsd);
    return this.sent(req, issued, delivery.provider);
  }

  /** Publishes mfa.sms.sent and answers with the challenge (never its code). */
  private sent(req: Screened, issued: IssuedChallenge, provider: string): SmsChallengeResult & { factorId: string } {
    const { maskedPhone } = req;
    this.events.emit(MfaEvent.SmsSent, {
      userId: req.userId,
      factorId: issued.factorId,
      challengeId: issued.id,
      maskedPhone,
      provider,
      purpose: req.purpose,
      ip: req.context.ip,
      at: issued.createdAt,
    });
    return {
      factorId: issued.factorId,
      challengeId: issued.id,
      maskedPhone,
      expiresAt: issued.expiresAt,
      resendAvailableAt: issued.resendAvailableAt,
    };
  }
}
