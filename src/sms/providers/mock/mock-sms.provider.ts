import { Inject, Injectable, Logger } from '@nestjs/common';
import { MFA_CONFIG, type MfaConfig } from '../../../config/mfa-config';
import { maskPhone } from '../../../phone/mask';
import { SendResult, SmsMessage, SmsProvider } from '../sms-provider';

export interface OutboxMessage {
  to: string;
  body: string;
  reference: string;
  sentAt: Date;
}

const OUTBOX_SIZE = 1000;

/**
 * The development outbox. Keeps the last messages in memory and prints each to
 * the console: the one place a code may be shown, and only outside production
 * (configuration refuses MOCK_SMS_ENABLED with NODE_ENV=production).
 */
@Injectable()
export class MockSmsProvider implements SmsProvider {
  readonly name = 'MOCK' as const;
  readonly enabled: boolean;
  private readonly logger = new Logger('MockSmsOutbox');
  private readonly outbox: OutboxMessage[] = [];
  private sequence = 0;

  constructor(@Inject(MFA_CONFIG) config: MfaConfig) {
    this.enabled = config.mockSmsEnabled && !config.production;
  }

  async send(message: SmsMessage): Promise<SendResult> {
    this.outbox.push({ ...message, sentAt: new Date() });
    if (this.outbox.length > OUTBOX_SIZE) this.outbox.shift();
    this.logger.log(`code sent to ${maskPhone(message.to)}: ${message.body}`);
    return { providerMessageId: `mock-${++this.sequence}`, status: 'delivered', segments: 1 };
  }

  /** Messages to one number, oldest first. */
  messagesTo(e164: string): OutboxMessage[] {
    return this.outbox.filter((m) => m.to === e164);
  }

  lastMessageTo(e164: string): OutboxMessage | undefined {
    return this.messagesTo(e164).at(-1);
  }

  get sent(): readonly OutboxMessage[] {
    return this.outbox;
  }
}
