import { type AwsSnsConfig } from './aws-sns.config';
import { SendResult, SmsMessage, SmsProvider } from '../sms-provider';
export declare class AwsSnsSmsProvider implements SmsProvider {
    private readonly config;
    readonly name: "AWS_SNS";
    readonly enabled: boolean;
    private readonly client?;
    constructor(config: AwsSnsConfig);
    send(message: SmsMessage, signal: AbortSignal): Promise<SendResult>;
    destroy(): void;
}
