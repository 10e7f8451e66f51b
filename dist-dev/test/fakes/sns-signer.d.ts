import { type SnsMessage } from '../../src/webhooks/aws/sns-message';
export declare const DEFAULT_TOPIC_ARN = "arn:aws:sns:eu-west-1:123456789012:mfa-events";
export type SnsFields = Partial<SnsMessage> & Pick<SnsMessage, 'Type' | 'Message'>;
export type SnsOptions = Partial<Omit<SnsMessage, 'Type' | 'Message'>> & {
    version?: '1' | '2';
};
export declare class SnsSigner {
    readonly certificatePem: string;
    private readonly privateKeyPem;
    private readonly certPath;
    certFetches: number;
    readonly confirmations: string[];
    private readonly sockets;
    private confirmationWaiters;
    private server?;
    private origin;
    private constructor();
    static create(options?: {
        notBefore?: Date;
        notAfter?: Date;
    }): Promise<SnsSigner>;
    get certUrl(): string;
    get certUrlPattern(): string;
    confirmUrl(token: string, topicArn?: string): string;
    sign(fields: SnsFields, version?: '1' | '2'): SnsMessage;
    notification(message: object | string, opts?: SnsOptions): SnsMessage;
    subscriptionConfirmation(subscribeUrl: string, opts?: SnsOptions): SnsMessage;
    nextConfirmation(): Promise<string>;
    stop(): Promise<void>;
    private start;
}
