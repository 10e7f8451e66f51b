import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { SMS_CONFIG, type SmsConfig } from '../../sms.config';
import { maskPhone } from '../../../phone/mask';
import { SendResult, SmsMessage, SmsProvider } from '../sms-provider';
import { Channel, CHANNELS } from '../../../common/channel';

export interface OutboxMessage {
  channel: Channel;
  to: string;
  body: string;
  reference: string;
  sentAt: Date;
}

/** The outbox keeps the last 1,000 messages, and the newest message of the last 10,000 numbers. */
const OUTBOX_SIZE = 1000;
const LATEST_NUMBERS = 10_000;

/**
 * The development outbox. Keeps the last messages in memory and prints each to
 * the console: the one place a code may be shown, and only outside production
 * (configuration refuses MOCK_SMS_ENABLED with NODE_ENV=production).
 */
@Injectable()
export class MockSmsProvider implements SmsProvider {
  readonly name = 'MOCK' as const;
  readonly enabled: boolean;
  /** Every channel: a call's script and a WhatsApp message show in the outbox like an SMS. */
  readonly channels: readonly Channel[] = CHANNELS;
  private readonly logger = new Logger('MockSmsOutbox');
  private readonly outbox: OutboxMessage[] = [];
  private readonly latest = new Map<string, OutboxMessage>();

  constructor(@Inject(SMS_CONFIG) config: SmsConfig) {
    this.enabled = config.mockSmsEnabled && !config.production;
  }

  async send(message: SmsMessage): Promise<SendResult> {
    const entry = { channel: message.channel, to: message.to, body: message.body, reference: message.reference, sentAt: new Date() };
    this.outbox.push(entry);
    if (this.outbox.length > OUTBOX_SIZE) this.outbox.shift();
    this.latest.delete(message.to); // re-inserted last: the Map's order is recency
    this.latest.set(message.to, entry);
    if (this.latest.size > LATEST_NUMBERS) this.latest.delete(this.latest.keys().next().value!);
    this.logger.log(`${message.channel === 'voice' ? 'call script' : `${message.channel} message`} to ${maskPhone(message.to)}: ${message.body}`);
    return { providerMessageId: `mock-${randomUUID()}`, status: 'delivered', segments: 1 };
  }

  /** Messages to one number, oldest first. */
  messagesTo(e164: string): OutboxMessage[] {
    return this.outbox.filter((m) => m.to === e164);
  }

  lastMessageTo(e164: string): OutboxMessage | undefined {
    return this.latest.get(e164);
  }

  get sent(): readonly OutboxMessage[] {
    return this.outbox;
  }
}
