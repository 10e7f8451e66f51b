import type { Channel, VoiceScript } from '../providers/sms-provider';
import { type SmsConfig } from '../sms.config';
import { SmsEncoding } from './sms-encoding';
export interface RenderedMessage {
    body: string;
    locale: string;
    encoding: SmsEncoding | 'voice';
    segments: number;
    voice?: {
        script: VoiceScript;
        english: VoiceScript;
    };
}
export declare class MessageRenderer {
    private readonly config;
    private readonly logger;
    private readonly templates;
    private readonly shorterForms;
    readonly locales: string[];
    private readonly segmentsByLocale;
    constructor(config: SmsConfig);
    segmentsFor(preferences?: (string | undefined)[], channel?: Channel): number;
    localeFor(channel: Channel, preferences: (string | undefined)[]): string;
    renderFor(channel: Channel, code: string, preferences?: (string | undefined)[]): RenderedMessage;
    render(code: string, preferences?: (string | undefined)[]): RenderedMessage;
    private renderVoice;
    private fill;
    private footer;
}
