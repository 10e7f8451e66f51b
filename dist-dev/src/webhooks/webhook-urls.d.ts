import type { MfaConfig } from '../config/mfa-config';
export declare const STATUS_CALLBACK_PATH = "/mfa/webhooks/twilio/status";
export declare const INBOUND_PATH = "/mfa/webhooks/twilio/inbound";
export declare function statusCallbackUrl(config: Pick<MfaConfig, 'publicBaseUrl'>): string | undefined;
export declare function publicUrl(config: Pick<MfaConfig, 'publicBaseUrl'>, path: string): string;
