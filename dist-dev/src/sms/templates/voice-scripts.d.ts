import type { VoiceScript } from '../providers/sms-provider';
export declare const VOICE_PHRASES: Readonly<Record<string, {
    intro: string;
    repeat: string;
    warning: string;
}>>;
export declare const VOICE_FALLBACK_LOCALE = "en";
export declare function voiceScript(locale: string, app: string, code: string): VoiceScript;
export declare function spokenText(script: VoiceScript): string;
