export interface SnsMessage {
    Type: string;
    MessageId: string;
    TopicArn: string;
    Subject?: string;
    Message: string;
    Timestamp: string;
    SignatureVersion: string;
    Signature: string;
    SigningCertURL: string;
    SubscribeURL?: string;
    Token?: string;
    UnsubscribeURL?: string;
}
export declare const AWS_SNS_CERT_URL: RegExp;
export declare class InvalidSnsMessage extends Error {
    readonly reason: string;
    constructor(reason: string);
}
export declare function parseSnsMessage(body: unknown): SnsMessage;
export declare function stringToSign(m: SnsMessage): string;
