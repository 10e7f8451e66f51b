import { Inject, Injectable, Logger } from '@nestjs/common';
import { errorSummary } from '../common/error-summary';
import { Clock } from '../common/clock';
import type { ChallengePurpose } from '../challenges/challenges.repository';
import { clientKey } from '../common/client-ip';
import { MfaError } from '../common/mfa-error';
import { SMS_CONFIG, type SmsConfig } from './sms.config';
import { FraudScreen, type FraudVerdict } from '../fraud/fraud-screen.service';
import { assertCountryAllowed } from '../phone/country-policy';
import { CountryRulesRepository, type CountryVerdictInput } from '../phone/country-rules.repository';
import { maskSplit } from '../phone/mask';
import { numberPrefix, PhoneNumber, storedPhone } from '../phone/phone-number';
import { Delivery, DeliveryFailed, SmsSender } from './sms-sender.service';
import type { Channel } from '../common/channel';
import type { SpendReservation, UnprovenSend } from './pricing/spend-caps';
import { PriceBook } from './pricing/price-book';
import { SpendCaps } from './pricing/spend-caps';
import { activeTestNumbers, testNumberCode } from './test-numbers';
import { MessageRenderer } from './templates/message-renderer';
import { MfaEvent, MfaEvents } from '../common/mfa-events';
import { CodeIssuer, type IssuedChallenge } from './code-issuer.service';
import { OptOutsRepository } from './opt-outs.repository';
import type { RequestContext, SmsChallengeResult } from '../common/mfa.types';

/** One code to send: who asks, to which number, how, and why. */
export interface DispatchRequest {
  userId: string;
  /** How the code goes (the caller checked that the channel is offered and that the number can take it). */
  channel: Channel;
  /** An enrolment by voice to a fixed line. */
  fixedLine?: boolean;
  /** The number, parsed once where it entered (or read back from its factor). */
  phone: PhoneNumber;
  purpose: ChallengePurpose;
  /** A login code's verified factor; none for an enrolment, whose factor the issue creates. */
  factorId?: string;
  context: RequestContext;
  /** The number's opt-out and its country's rules when the caller read them with the number (a factor row carries them). */
  known?: NumberStanding;
  /** Traffic statistics for the fraud rules: for numbers whose possession is not yet proven. */
  withStatistics: boolean;
  /** Locale preferences, most authoritative first (tags or Accept-Language values). */
  locales: (string | undefined)[];
  /** The client as limits and rules key it, when already known (a fallback: its original request's); else from `context.ip`. */
  clientKey?: string;
  /** Why this send exists when the user did not ask for it (a fallback after an undelivered report). */
  reason?: string;
}

/** A login code to the user's verified number, which the issue reads (the number is not known before). */
export interface VerifiedDispatchRequest extends Pick<DispatchRequest, 'userId' | 'channel' | 'context' | 'locales'> {
  /** The number the request named, as given: the code goes only when it is the verified one. */
  requestedPhone?: string;
}

/** What decides whether a number may be sent to at all, before any rule. */
export interface NumberStanding {
  optedOut: boolean;
  countryRules: CountryVerdictInput;
}

/** A request that passed the screening: the number's range and masked form, the client's key, the locale decided once. */
interface Screened extends DispatchRequest {
  prefix: string;
  maskedPhone: string;
  /** The locale of the message on the requested channel (recorded with the challenge). */
  locale: string;
  /** A test number's fixed code: no provider, limit, budget or fraud rule applies. */
  fixedCode?: string;
  /** An unproven requester's send to a range not trusted yet: held to the hourly caps for unproven requesters. */
  unproven?: UnprovenSend;
}

/** The send-log reason of a code that went by voice because no SMS (or WhatsApp) provider took it. */
export const FALLBACK_NO_PROVIDER = 'fallback:no_provider';

export type SentCode = SmsChallengeResult & { factorId: string };

/** A channel and the locale its message speaks, decided once. */
interface Route {
  channel: Channel;
  locale: string;
}

/** The channel a request asks for (sms when none), if SMS_CHANNELS offers it; else CHANNEL_NOT_AVAILABLE. */
export function offeredChannel(offered: readonly Channel[], asked: string | undefined): Channel {
  const channel = (asked ?? 'sms') as Channel;
  if (!offered.includes(channel)) throw new MfaError('CHANNEL_NOT_AVAILABLE', `Codes can be sent by: ${offered.join(', ')}.`);
  return channel;
}

/**
 * The send path's one owner: `dispatch` decides, sends and records one code
 * to one number, in order: opt-out, country rules, fraud rules, then the
 * atomic issue (limits, challenge, an enrolment's factor, first attempt) and
 * delivery, where each provider's budget slot is taken at hand-over: a
 * request refused before the issue costs no slot. `dispatchToVerified` sends
 * a login code in one statement: the issue reads the number with its opt-out
 * and country rules (refusing nothing: what it cannot send to goes the long
 * way), then the rules that judge the number alone, then delivery. A send no
 * provider takes is withdrawn (the code and an enrolment's new factor die);
 * its quota is given back only when no provider could take it through no
 * fault of the number.
 */
@Injectable()
export class SmsDispatcher {
  private readonly logger = new Logger('SmsDispatcher');

  constructor(
    private readonly issuer: CodeIssuer,
    private readonly optOuts: OptOutsRepository,
    private readonly countryRules: CountryRulesRepository,
    private readonly sender: SmsSender,
    private readonly renderer: MessageRenderer,
    private readonly fraud: FraudScreen,
    private readonly events: MfaEvents,
    @Inject(SMS_CONFIG) private readonly config: SmsConfig,
    @Inject(Clock) private readonly clock: Clock,
    private readonly spend: SpendCaps,
    private readonly prices: PriceBook,
  ) {}

  /** Screens, issues and delivers one code (see the class comment); the answer never carries the code. */
  async dispatch(req: DispatchRequest): Promise<SentCode> {
    return this.send(await this.screen(req));
  }

  /**
   * A login code to the user's verified number in the send's one statement:
   * the issue reads the number, its opt-out and its country's rules, takes
   * the limits and opens the challenge and its first attempt (see
   * CodeIssueUnit.issueToVerified); the rules that judge the number alone run
   * on what it read, and a code they refuse is withdrawn like one a provider
   * refused for its number (its send stays counted; like any new code, it had
   * replaced the user's live one: only a rule switched on after the number was
   * verified refuses here). Undefined, with nothing written, when the
   * number needs the long way: no verified number, another number named, a
   * refusal by opt-out or country, a test number, or a send whose first
   * provider or spend reservation depends on the destination (SMS_ROUTING=cost,
   * a spend cap) or that no SMS route could take now. The caller then reads
   * the factor and calls dispatch(), whose answers are the client's.
   */
  async dispatchToVerified(req: VerifiedDispatchRequest): Promise<SentCode | undefined> {
    if (this.config.routing !== 'priority' || this.spend.capped) return undefined;
    let firstProvider: string;
    try {
      firstProvider = this.sender.firstCandidate(undefined, req.channel);
    } catch {
      return undefined;
    }
    const { clientKey: clientIp, locale } = this.keys(req);
    const issued = await this.issuer.issueToVerified({
      userId: req.userId,
      requestedPhone: req.requestedPhone,
      clientIp,
      firstProvider,
      channel: req.channel,
      locale,
      testNumbers: activeTestNumbers(this.config, this.clock.now()),
    });
    if (!issued) return undefined;
    const { e164, country, prefix } = issued.number;
    const phone = storedPhone(e164, country);
    const screened: Screened = {
      ...req,
      phone,
      purpose: 'login',
      factorId: issued.factorId,
      withStatistics: false,
      clientKey: clientIp,
      prefix,
      maskedPhone: maskSplit(phone),
      locale,
    };
    try {
      await this.checkRules(screened);
    } catch (err) {
      await this.sender
        .abandon(issued.firstAttemptId, 'screened')
        .catch((cleanup: Error) => this.logger.error(`recording a screened send failed: ${errorSummary(cleanup)}`));
      // The number's own fault, as when a provider refuses it: the send stays counted.
      return this.withdraw(issued, err instanceof MfaError ? new DeliveryFailed(err, false) : err);
    }
    return this.deliverIssued(screened, { channel: req.channel, locale }, issued, firstProvider, undefined);
  }

  /**
   * Opt-out, country and fraud rules, before anything is written for this
   * number (an enrolment refused here leaves no factor behind).
   */
  private async screen(req: DispatchRequest): Promise<Screened> {
    const { e164, country, callingCode, nationalNumber } = req.phone;
    const { optedOut, countryRules } = req.known ?? (await this.standing(e164, country));
    if (optedOut) throw new MfaError('PHONE_OPTED_OUT');
    assertCountryAllowed(country, countryRules);
    const prefix = numberPrefix(req.phone);
    const screened: Screened = { ...req, prefix, maskedPhone: maskSplit({ callingCode, nationalNumber }), ...this.keys(req) };
    const fixedCode = testNumberCode(this.config, e164, this.clock.now());
    if (fixedCode) return { ...screened, fixedCode };
    const verdict = await this.checkRules(screened);
    return verdict.suspicious ? { ...screened, unproven: { prefix, frictionPassed: verdict.frictionPassed } } : screened;
  }

  /** The client as limits and rules key it, and the locale of the message on the requested channel: decided once per request. */
  private keys(req: Pick<DispatchRequest, 'clientKey' | 'context' | 'channel' | 'locales'>): { clientKey?: string; locale: string } {
    return {
      clientKey: req.clientKey ?? clientKey(req.context.ip, this.config.ipv6SubnetPrefix),
      locale: this.renderer.localeFor(req.channel, req.locales),
    };
  }

  /** The fraud rules (with traffic statistics for an unproven number); SUSPICIOUS_NUMBER or FRICTION_REQUIRED when they refuse. */
  private checkRules(s: Screened): Promise<FraudVerdict> {
    const { e164, country, callingCode, nationalNumber } = s.phone;
    return this.fraud.check({
      e164,
      callingCode,
      nationalNumber,
      prefix: s.prefix,
      country,
      userId: s.userId,
      clientIp: s.clientKey,
      withStatistics: s.withStatistics,
      request: s.context,
    });
  }

  /** The number's opt-out and its country's rules, read together. */
  private async standing(e164: string, country: string | undefined): Promise<NumberStanding> {
    const [optedOut, countryRules] = await Promise.all([this.optOuts.isOptedOut(e164), this.countryRules.verdictInput(country)]);
    return { optedOut, countryRules };
  }

  /**
   * Issues the code under the limits (an enrolment without `factorId` creates
   * its factor), then delivers it. With SMS_VOICE_FALLBACK, a code no SMS or
   * WhatsApp provider could take goes by voice instead (the same, never seen
   * code: one send on the limits), and the send log says why.
   */
  private async send(req: Screened): Promise<SentCode> {
    const reason = req.reason;
    const issue = {
      userId: req.userId,
      factorId: req.factorId,
      phoneE164: req.phone.e164,
      prefix: req.prefix,
      purpose: req.purpose,
      clientIp: req.clientKey,
      country: req.phone.country,
      channel: req.channel,
      locale: req.locale,
      fixedLine: req.fixedLine,
      reason,
    };
    if (req.fixedCode) return this.sent(req, await this.issuer.issueFixed(issue, req.fixedCode), 'TEST', req.channel);
    const country = req.phone.country;
    let route: Route = { channel: req.channel, locale: req.locale };
    let firstProvider: string;
    try {
      firstProvider = this.sender.firstCandidate(country, route.channel);
    } catch (err) {
      if (!this.fallsBackToVoice(route.channel, err)) throw err;
      // Every SMS route is down before anything is written: the code goes by voice from the start.
      route = this.voiceRoute(req);
      issue.reason = reason ?? FALLBACK_NO_PROVIDER;
      firstProvider = this.sender.firstCandidate(country, route.channel);
    }
    const reservation = await this.reserve(route, req);
    let issued: IssuedChallenge;
    try {
      issued = await this.issuer.issue({ ...issue, channel: route.channel, firstProvider });
    } catch (err) {
      await this.spend.release(reservation);
      throw err;
    }
    return this.deliverIssued(req, route, issued, firstProvider, reservation, issue.reason);
  }

  /** Delivers an issued code on its route (by voice when SMS_VOICE_FALLBACK applies); withdraws it when no provider takes it. */
  private async deliverIssued(
    req: Screened,
    route: Route,
    issued: IssuedChallenge,
    firstProvider: string,
    reservation: SpendReservation | undefined,
    reason?: string,
  ): Promise<SentCode> {
    const first = { attemptId: issued.firstAttemptId, provider: firstProvider };
    let delivery: Delivery;
    try {
      delivery = await this.deliver(route, issued, req, reservation, first, reason);
    } catch (err) {
      if (!this.fallsBackToVoice(route.channel, err)) return this.withdraw(issued, err);
      const voice = this.voiceRoute(req);
      try {
        delivery = await this.deliver(voice, issued, req, await this.reserve(voice, req), undefined, FALLBACK_NO_PROVIDER);
      } catch (voiceErr) {
        return this.withdraw(issued, voiceErr);
      }
    }
    return this.sent(req, issued, delivery.provider, delivery.channel);
  }

  /**
   * Whether a failure on `channel` sends the code by voice: only when no
   * provider could take it through our side (down, throttled, spent, circuits
   * open). A refusal of the number, its destination or its content (a
   * provider's or carrier's fraud protection among them) never becomes a call.
   */
  private fallsBackToVoice(channel: Channel, err: unknown): boolean {
    if (!this.config.voiceFallback || channel === 'voice') return false;
    if (err instanceof DeliveryFailed) return err.refund;
    return err instanceof MfaError && err.code === 'PROVIDERS_UNAVAILABLE';
  }

  /** The same code by voice: a call speaks the user's language where the voices do (its locale is decided here, once). */
  private voiceRoute(req: Screened): Route {
    return { channel: 'voice', locale: this.renderer.localeFor('voice', req.locales) };
  }

  /** The spend-cap reservation for one message on a channel, before its provider is known (its dearest one). */
  private reserve(route: Route, req: Screened): Promise<SpendReservation | undefined> {
    const country = req.phone.country;
    return this.spend.reserve(
      country,
      () => this.prices.worstCase(this.sender.priceLabels(route.channel), country, this.renderer.segmentsIn(route.locale, route.channel)),
      req.unproven,
    );
  }

  /** Renders the code for the channel and hands it to the providers; the reservation is settled at the cost, or released. */
  private async deliver(
    { channel, locale }: Route,
    issued: IssuedChallenge,
    req: Screened,
    reservation: SpendReservation | undefined,
    firstAttempt?: { attemptId: string; provider: string },
    reason?: string,
  ): Promise<Delivery> {
    const { e164, country } = req.phone;
    const message = this.renderer.renderIn(channel, issued.code, locale);
    let delivery: Delivery;
    try {
      delivery = await this.sender.deliver(
        {
          channel,
          to: e164,
          body: message.body,
          voice: message.voice,
          code: channel === 'whatsapp' ? issued.code : undefined,
          reference: issued.id,
          maxPriceUsd: this.config.maxPriceUsd,
        },
        {
          challengeId: issued.id,
          userId: req.userId,
          country,
          firstAttempt,
          expiresAt: issued.expiresAt,
          encoding: message.encoding,
          segments: message.segments,
          reason,
        },
      );
    } catch (err) {
      await this.spend.release(reservation).catch((cleanup: Error) => this.logger.error(`releasing a spend reservation failed: ${errorSummary(cleanup)}`));
      throw err;
    }
    await this.spend.settle(reservation, country, delivery.costUsd);
    return delivery;
  }

  /** No provider took the code: it dies (with an enrolment's new factor); the first cause is what the client gets. */
  private async withdraw(issued: IssuedChallenge, err: unknown): Promise<never> {
    const failed = err instanceof DeliveryFailed ? err : undefined;
    // A failing clean-up never masks the first cause.
    await this.issuer
      .withdraw(issued, failed?.refund ?? true)
      .catch((cleanup: Error) =>
        this.logger.error(`withdrawing an undelivered challenge failed after: ${errorSummary(err)}; clean-up: ${errorSummary(cleanup)}`),
      );
    throw failed?.error ?? err;
  }

  /** Publishes mfa.sms.sent and answers with the challenge (never its code). */
  private sent(req: Screened, issued: IssuedChallenge, provider: string, channel: Channel): SentCode {
    const { maskedPhone } = req;
    this.events.emit(MfaEvent.SmsSent, {
      userId: req.userId,
      factorId: issued.factorId,
      challengeId: issued.id,
      maskedPhone,
      provider,
      channel,
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
      channel,
    };
  }
}
