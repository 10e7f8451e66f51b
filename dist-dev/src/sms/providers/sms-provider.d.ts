import type { ProviderName } from '../../config/mfa-config';
export type Channel = 'sms' | 'voice' | 'whatsapp';
export declare const CHANNELS: readonly Channel[];
export interface VoiceScript {
    locale: string;
    intro: string;
    repeat: string;
    digits: string[];
    warning: string;
}
export interface SmsMessage {
    channel: Channel;
    to: string;
    body: string;
    voice?: {
        script: VoiceScript;
        english: VoiceScript;
    };
    code?: string;
    reference: string;
    validitySeconds: number;
    maxPriceUsd?: number;
}
export type AcceptedStatus = 'queued' | 'sent' | 'delivered';
export interface SendResult {
    providerMessageId?: string;
    status: AcceptedStatus;
    segments?: number;
    price?: number;
    currency?: string;
}
export type FailureKind = 'transient' | 'rejected' | 'permanent';
export type FailureReason = 'timeout' | 'network' | 'server' | 'throttled' | 'account' | 'region' | 'request' | 'content' | 'invalid_number' | 'opted_out' | 'not_mobile';
export declare class ProviderError extends Error {
    readonly reason: FailureReason;
    readonly providerCode?: string | undefined;
    readonly kind: FailureKind;
    constructor(reason: FailureReason, providerCode?: string | undefined);
}
export interface SmsProvider {
    readonly name: ProviderName;
    readonly enabled: boolean;
    readonly channels?: readonly Channel[];
    send(message: SmsMessage, signal: AbortSignal): Promise<SendResult>;
    confirmConversion?(providerMessageId: string, channel: Channel): Promise<void>;
}
export declare function channelsOf(provider: Pick<SmsProvider, 'channels'>): readonly Channel[];
export declare const SMS_PROVIDERS: unique symbol;
