import { ProviderError } from '../src';
import type { SendResult, SmsMessage, SmsProvider } from '../src';
export declare const ACME_OPTIONS: unique symbol;
export interface AcmeOptions {
    baseUrl: string;
    apiKey: string;
}
export declare class AcmeSmsProvider implements SmsProvider {
    private readonly options;
    readonly name = "ACME";
    readonly enabled = true;
    constructor(options: AcmeOptions);
    send(message: SmsMessage, signal: AbortSignal): Promise<SendResult>;
}
export declare function classifyAcme(status: number, code?: string): ProviderError;
export declare class AcmeModule {
}
export declare class OwnProviderHostModule {
}
