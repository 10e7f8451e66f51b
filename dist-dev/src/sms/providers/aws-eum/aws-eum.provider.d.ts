import { type VoiceId } from '@aws-sdk/client-pinpoint-sms-voice-v2';
import { type AwsEumConfig } from './aws-eum.config';
import { Channel, SendResult, SmsMessage, SmsProvider, VoiceScript } from '../sms-provider';
export declare const EUM_VOICES: Readonly<Record<string, VoiceId>>;
export declare class AwsEumProvider implements SmsProvider {
    private readonly config;
    readonly name: "AWS_EUM";
    readonly channels: readonly Channel[];
    readonly enabled: boolean;
    private readonly client?;
    constructor(config: AwsEumConfig);
    send(message: SmsMessage, signal: AbortSignal): Promise<SendResult>;
    confirmConversion(providerMessageId: string): Promise<void>;
    destroy(): void;
    private textCommand;
    private voiceCommand;
}
export declare function eumTimeToLive(validitySeconds: number): number;
export declare function eumVoiceFor(message: Pick<SmsMessage, 'voice'>): {
    script: VoiceScript;
    voiceId: VoiceId;
};
export declare function voiceSsml(script: VoiceScript): string;
