import { type TwilioConfig } from './twilio.config';
import { Channel, SendResult, SmsMessage, SmsProvider } from '../sms-provider';
export declare class TwilioSmsProvider implements SmsProvider {
    private readonly config;
    readonly name: "TWILIO";
    readonly enabled: boolean;
    readonly channels: readonly Channel[];
    private readonly client?;
    constructor(config: TwilioConfig);
    send(message: SmsMessage): Promise<SendResult>;
    private message;
    private call;
    confirmConversion(providerMessageId: string, channel: Channel): Promise<void>;
}
