import { Injectable } from '@nestjs/common';
import { MfaMetrics } from '../metrics/mfa-metrics';
import { SpendGuard } from '../sms/pricing/spend-guard';
import { DeliveryStatus, SendLogRepository } from '../sms/send-log.repository';

/** Twilio's message statuses, folded into the send log's. Others (receiving, received) are not ours. */
const STATUS: Record<string, DeliveryStatus> = {
  accepted: 'queued',
  scheduled: 'queued',
  queued: 'queued',
  sending: 'sent',
  sent: 'sent',
  delivered: 'delivered',
  read: 'delivered',
  undelivered: 'undelivered',
  failed: 'failed',
  canceled: 'failed',
};

@Injectable()
export class DeliveryService {
  constructor(
    private readonly sendLog: SendLogRepository,
    private readonly metrics: MfaMetrics,
    private readonly spend: SpendGuard,
  ) {}

  /** A delivery report; `priceUsd`, when the report carries one, replaces the send's estimated cost. */
  async report(provider: string, messageId: string, providerStatus: string, errorCode?: string, priceUsd?: number): Promise<void> {
    if (priceUsd !== undefined) {
      const corrected = await this.sendLog.reportPrice(provider, messageId, priceUsd);
      if (corrected) await this.spend.correct(corrected.country, corrected.at, corrected.deltaUsd);
    }
    const status = STATUS[providerStatus.toLowerCase()];
    if (!status) return;
    const outcome = await this.sendLog.applyDeliveryStatus(provider, messageId, status, errorCode?.slice(0, 32));
    if (outcome.deliveredAfterSeconds !== undefined) {
      this.metrics.deliverySeconds.observe({ provider }, outcome.deliveredAfterSeconds);
    }
  }
}
