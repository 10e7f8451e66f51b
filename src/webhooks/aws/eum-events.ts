import type { DeliveryStatus } from '../../sms/send-log.repository';
import type { DeliveryReport } from '../delivery.service';

/**
 * AWS End User Messaging SMS and Voice v2 event types (the configuration
 * set's event destination), folded into the send log's statuses. Event types
 * not listed (e.g. MEDIA_*) say nothing about our messages.
 */
const EUM_STATUS: Record<string, DeliveryStatus> = {
  TEXT_PENDING: 'queued',
  TEXT_QUEUED: 'queued',
  TEXT_SUCCESSFUL: 'sent',
  TEXT_DELIVERED: 'delivered',
  TEXT_INVALID: 'undelivered',
  TEXT_INVALID_MESSAGE: 'undelivered',
  TEXT_UNREACHABLE: 'undelivered',
  TEXT_CARRIER_UNREACHABLE: 'undelivered',
  TEXT_BLOCKED: 'undelivered',
  TEXT_CARRIER_BLOCKED: 'undelivered',
  TEXT_SPAM: 'undelivered',
  TEXT_TTL_EXPIRED: 'undelivered',
  TEXT_PROTECT_BLOCKED: 'undelivered',
  TEXT_UNKNOWN: 'undelivered',
  VOICE_INITIATED: 'queued',
  VOICE_RINGING: 'sent',
  VOICE_ANSWERED: 'delivered',
  VOICE_COMPLETED: 'delivered',
  VOICE_BUSY: 'undelivered',
  VOICE_NO_ANSWER: 'undelivered',
  VOICE_TTL_EXPIRED: 'undelivered',
  VOICE_FAILED: 'failed',
};

/** Events that say the handset was not reached (a call may get through); blocks, spam and invalid messages are not here. */
const UNREACHED = new Set(['TEXT_UNREACHABLE', 'TEXT_CARRIER_UNREACHABLE', 'TEXT_TTL_EXPIRED', 'TEXT_UNKNOWN']);

/**
 * An event record (the SNS notification's Message, JSON) as a delivery
 * report; undefined when it is not an event about one of our messages.
 */
export function eumEventReport(message: string): DeliveryReport | undefined {
  let event: unknown;
  try {
    event = JSON.parse(message);
  } catch {
    return undefined;
  }
  if (typeof event !== 'object' || event === null) return undefined;
  const { eventType, messageId, totalMessagePrice } = event as Record<string, unknown>;
  if (typeof eventType !== 'string' || typeof messageId !== 'string' || !messageId || messageId.length > 128) {
    return undefined;
  }
  const status = Object.hasOwn(EUM_STATUS, eventType) ? EUM_STATUS[eventType] : undefined;
  const price = typeof totalMessagePrice === 'number' && totalMessagePrice >= 0 && totalMessagePrice < 100 ? totalMessagePrice : undefined;
  return {
    provider: 'AWS_EUM',
    messageId,
    status,
    errorCode: status === 'undelivered' || status === 'failed' ? eventType : undefined,
    // The event's price is in US dollars.
    priceUsd: price,
    unreached: UNREACHED.has(eventType),
  };
}
