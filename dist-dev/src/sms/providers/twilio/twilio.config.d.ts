import { SettingField } from '../../../config/env-rules';
import type { MfaConfig } from '../../../config/mfa-config';
export interface TwilioSettings {
    twilioEnabled: boolean;
    twilioAccountSid?: string;
    twilioAuthToken?: string;
    twilioFromNumber?: string;
    twilioMessagingServiceSid?: string;
    twilioApiBaseUrl?: string;
    twilioWhatsappFrom?: string;
    twilioWhatsappContentSid?: string;
}
export declare const TWILIO_SETTINGS: {
    [K in keyof TwilioSettings]-?: SettingField<TwilioSettings[K]>;
};
export declare const TWILIO_CONFIG: unique symbol;
export declare const TWILIO_CONFIG_KEYS: readonly [...(keyof TwilioSettings)[], "publicBaseUrl", "providerTimeoutMs"];
export type TwilioConfig = Pick<MfaConfig, (typeof TWILIO_CONFIG_KEYS)[number]>;
