import { Injectable } from '@nestjs/common';
import { MfaMetrics } from '../metrics/mfa-metrics';
import { SpendCaps } from '../sms/pricing/spend-caps';
import { DeliveryStatus, SendLogRepository } from '../sms/send-log.repository';
import { VoiceFallback } from '../sms/voice-fallback.service';

/** A provider's delivery report, in the send log's terms (each webhook maps its vendor's statuses). */
export interface DeliveryReport {
  provider: string;
  messageId: string;
  /** Undefined for a status that says nothing new (receiving, an unknown event type). */
  status?: DeliveryStatus;
  errorCode?: string;
  /** A US-dollar price, when the report carries one: it replaces the send's estimated cost. */
  priceUsd?: number;
  /**
   * The message did not reach the handset for a reason a call may overcome
   * (unreachable, switched off, expired in the network): only such a report
   * starts the voice fallback. A block (spam filter, fraud protection, a
   * carrier's refusal) never does: it would turn a refused SMS into a call.
   */
  unreached?: boolean;
}

/**
 * Moves the send log forward from delivery reports, whichever provider sent
 * them: forward only and idempotent (a repeated or late report changes
 * nothing), unknown message ids acknowledged and ignored. A report that an
 * SMS or WhatsApp message did not reach the handset starts the voice fallback.
 */
@Injectable()
export class DeliveryService {
  constructor(
    private readonly sendLog: SendLogRepository,
    private readonly metrics: MfaMetrics,
    private readonly spend: SpendCaps,
    private readonly fallback: VoiceFallback,
  ) {}

  async report({ provider, messageId, status, errorCode, priceUsd, unreached }: DeliveryReport): Promise<void> {
    if (priceUsd !== undefined) {
      const corrected = await this.sendLog.reportPrice(provider, messageId, priceUsd);
      if (corrected) await this.spend.correct(corrected.country, corrected.at, corrected.deltaUsd);
    }
    if (!status) return;
    const outcome = await this.sendLog.applyDeliveryStatus(provider, messageId, status, errorCode?.slice(0, 32));
    if (outcome.deliveredAfterSeconds !== undefined) {
      this.metrics.deliverySeconds.observe({ provider }, outcome.deliveredAfterSeconds);
    }
    // Only the report that moved the row: a duplicate changes nothing, so it starts nothing.
    if (outcome.applied && unreached && outcome.challengeId && outcome.channel !== 'voice') {
      this.fallback.afterUndelivered(outcome.challengeId);
    }
  }
}
