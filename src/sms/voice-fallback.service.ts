import { BeforeApplicationShutdown, Inject, Injectable, Logger } from '@nestjs/common';
import { errorSummary } from '../common/error-summary';
import { ChallengesRepository } from '../challenges/challenges.repository';
import { BackgroundTasks } from '../common/background-tasks';
import { Clock } from '../common/clock';
import { MfaEvent, MfaEvents } from '../common/mfa-events';
import { MfaMetrics } from '../metrics/mfa-metrics';
import { storedPhone } from '../phone/phone-number';
import { SmsDispatcher } from './sms-dispatcher.service';
import { SMS_CONFIG, type SmsConfig } from './sms.config';

/** The send-log reason of a fresh code sent by voice after a report said the message was not delivered. */
export const FALLBACK_UNDELIVERED = 'fallback:undelivered';

/**
 * SMS_VOICE_FALLBACK after the fact: a delivery report says an SMS (or
 * WhatsApp) message was undelivered or failed while its code still lives,
 * so a fresh code goes out by voice. It runs off the request path, on the
 * instance that received the report, exactly once per challenge (the claim
 * is one atomic statement). The fresh code is screened like any send and
 * counted on the hourly and daily limits; the old code dies only when that
 * issue is admitted, so a refused fallback leaves the user their code.
 */
@Injectable()
export class VoiceFallback implements BeforeApplicationShutdown {
  private readonly logger = new Logger('VoiceFallback');
  private readonly tasks = new BackgroundTasks();

  constructor(
    @Inject(SMS_CONFIG) private readonly config: SmsConfig,
    @Inject(Clock) private readonly clock: Clock,
    private readonly challenges: ChallengesRepository,
    private readonly dispatcher: SmsDispatcher,
    private readonly events: MfaEvents,
    private readonly metrics: MfaMetrics,
  ) {}

  /** A report said this challenge's message did not arrive: starts the fallback without waiting for it. */
  afterUndelivered(challengeId: string): void {
    if (!this.config.voiceFallback) return;
    this.tasks.run(() =>
      this.fallBack(challengeId).catch((err: Error) => {
        this.metrics.fallbackTotal.inc({ result: 'failed' });
        this.logger.warn(`voice fallback failed: ${errorSummary(err)}`);
      }),
    );
  }

  /** Work started before a shutdown finishes before the database pool closes (each call has the provider deadline). */
  beforeApplicationShutdown(): Promise<void> {
    return this.tasks.close();
  }

  /** Resolves when every fallback started so far has finished (tests; shutdown). */
  settled(): Promise<void> {
    return this.tasks.settled();
  }

  private async fallBack(challengeId: string): Promise<void> {
    const claim = await this.challenges.claimFallback(challengeId, this.clock.now());
    if (!claim) return;
    let sent;
    try {
      sent = await this.dispatcher.dispatch({
        userId: claim.userId,
        channel: 'voice',
        phone: storedPhone(claim.phoneE164, claim.country),
        purpose: claim.purpose,
        factorId: claim.purpose === 'login' ? claim.factorId : undefined,
        context: {},
        // The same client as the send it replaces (stored as the limits key it): limits and fraud rules see it.
        clientKey: claim.clientIp,
        // A number whose possession is not proven yet gets the traffic rules, as its first send did.
        withStatistics: claim.purpose === 'enroll',
        locales: [claim.locale],
        reason: FALLBACK_UNDELIVERED,
      });
    } catch (err) {
      // Refused (opted out, limits, spend, no voice provider): the user asks again; nothing else to do here.
      this.metrics.fallbackTotal.inc({ result: 'refused' });
      this.logger.warn(`voice fallback refused: ${errorSummary(err)}`);
      return;
    }
    this.metrics.fallbackTotal.inc({ result: 'sent' });
    this.events.emit(MfaEvent.SmsFallback, {
      userId: claim.userId,
      factorId: sent.factorId,
      challengeId: sent.challengeId,
      previousChallengeId: challengeId,
      maskedPhone: sent.maskedPhone,
      channel: sent.channel,
      reason: FALLBACK_UNDELIVERED,
      purpose: claim.purpose,
      at: this.clock.now(),
    });
  }
}
