import { bool, SettingField, settingKeys, text, url } from '../../../config/env-rules';
import type { MfaConfig } from '../../../config/mfa-config';

/** Twilio's settings (priority, budgets: SMS_PROVIDER_TWILIO_*). */
export interface TwilioSettings {
  twilioEnabled: boolean;
  twilioAccountSid?: string;
  twilioAuthToken?: string;
  twilioFromNumber?: string;
  twilioMessagingServiceSid?: string;
  /** A regional edge, or a local fake in tests. */
  twilioApiBaseUrl?: string;
  /** The WhatsApp sender (E.164) and the approved authentication template whose variable 1 is the code. */
  twilioWhatsappFrom?: string;
  twilioWhatsappContentSid?: string;
}

export const TWILIO_SETTINGS: { [K in keyof TwilioSettings]-?: SettingField<TwilioSettings[K]> } = {
  twilioEnabled: { env: 'TWILIO_ENABLED', rule: bool(), default: false },
  twilioAccountSid: { env: 'TWILIO_ACCOUNT_SID', rule: text(/^AC[0-9a-fA-F]{32}$/, 'AC followed by 32 hex digits') },
  twilioAuthToken: { env: 'TWILIO_AUTH_TOKEN', rule: text(), secret: true },
  twilioFromNumber: {
    env: 'TWILIO_FROM_NUMBER',
    rule: text(/^\+[1-9]\d{1,14}$|^[A-Za-z0-9 ]{1,11}$/, 'an E.164 number or an alphanumeric sender id'),
  },
  twilioMessagingServiceSid: {
    env: 'TWILIO_MESSAGING_SERVICE_SID',
    rule: text(/^MG[0-9a-fA-F]{32}$/, 'MG followed by 32 hex digits'),
  },
  twilioApiBaseUrl: { env: 'TWILIO_API_BASE_URL', rule: url(['http', 'https']) },
  twilioWhatsappFrom: { env: 'TWILIO_WHATSAPP_FROM', rule: text(/^\+[1-9]\d{1,14}$/, 'an E.164 number') },
  twilioWhatsappContentSid: {
    env: 'TWILIO_WHATSAPP_CONTENT_SID',
    rule: text(/^HX[0-9a-fA-F]{32}$/, 'HX followed by 32 hex digits'),
  },
};

/** What the Twilio adapter and its webhook guard read: its settings, plus the shared ones they need. */
export const TWILIO_CONFIG = Symbol('TWILIO_CONFIG');
export const TWILIO_CONFIG_KEYS = [...settingKeys(TWILIO_SETTINGS), 'publicBaseUrl', 'providerTimeoutMs'] as const;
export type TwilioConfig = Pick<MfaConfig, (typeof TWILIO_CONFIG_KEYS)[number]>;
