import { Injectable } from '@nestjs/common';
import { MfaMetrics } from '../metrics/mfa-metrics';
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
  ) {}

  async report(provider: string, messageId: string, providerStatus: string, errorCode?: string): Promise<void> {
    const status = STATUS[providerStatus.toLowerCase()];
    if (!status) return;
    const outcome = await this.sendLog.applyDeliveryStatus(provider, messageId, status, errorCode?.slice(0, 32));
    if (outcome.deliveredAfterSeconds !== undefined) {
      this.metrics.deliverySeconds.observe({ provider }, outcome.deliveredAfterSeconds);
    }
  }
}
