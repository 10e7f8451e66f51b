import { type SmsConfig } from '../../sms.config';
import { Channel, SendResult, SmsMessage, SmsProvider } from '../sms-provider';
export interface OutboxMessage {
    channel: Channel;
    to: string;
    body: string;
    reference: string;
    sentAt: Date;
}
export declare class MockSmsProvider implements SmsProvider {
    readonly name: "MOCK";
    readonly enabled: boolean;
    readonly channels: readonly Channel[];
    private readonly logger;
    private readonly outbox;
    private readonly latest;
    constructor(config: SmsConfig);
    send(message: SmsMessage): Promise<SendResult>;
    messagesTo(e164: string): OutboxMessage[];
    lastMessageTo(e164: string): OutboxMessage | undefined;
    get sent(): readonly OutboxMessage[];
}
