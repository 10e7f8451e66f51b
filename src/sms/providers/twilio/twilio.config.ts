import { isLoopbackHost } from '../../../common/ip-ranges';
import type { CoreSettings } from '../../../config/core.settings';
import { bool, text, url } from '../../../config/env-rules';
import { defineSettings } from '../../../config/settings';
import type { ProviderSettings } from '../providers.config';

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

export const TWILIO_SETTINGS = defineSettings<TwilioSettings, CoreSettings>({
  title: 'Twilio',
  fields: {
    twilioEnabled: { env: 'TWILIO_ENABLED', rule: bool(), default: false, doc: 'Twilio (priority 1): SMS, voice and WhatsApp' },
    twilioAccountSid: {
      env: 'TWILIO_ACCOUNT_SID',
      rule: text(/^AC[0-9a-fA-F]{32}$/, 'AC followed by 32 hex digits'),
      doc: 'the account; required with `TWILIO_ENABLED`',
    },
    twilioAuthToken: { env: 'TWILIO_AUTH_TOKEN', rule: text(), secret: true, doc: 'its auth token; it also checks the webhook signatures' },
    twilioFromNumber: {
      env: 'TWILIO_FROM_NUMBER',
      rule: text(/^\+[1-9]\d{1,14}$|^[A-Za-z0-9 ]{1,11}$/, 'an E.164 number or an alphanumeric sender id'),
      doc: 'the sender; voice calls need an E.164 number. This or a messaging service is required',
    },
    twilioMessagingServiceSid: {
      env: 'TWILIO_MESSAGING_SERVICE_SID',
      rule: text(/^MG[0-9a-fA-F]{32}$/, 'MG followed by 32 hex digits'),
      doc: 'a messaging service instead of a sender',
    },
    twilioApiBaseUrl: {
      env: 'TWILIO_API_BASE_URL',
      rule: url(['http', 'https']),
      doc: 'a regional edge, or a local fake in tests; https in production',
    },
    twilioWhatsappFrom: { env: 'TWILIO_WHATSAPP_FROM', rule: text(/^\+[1-9]\d{1,14}$/, 'an E.164 number'), doc: 'the WhatsApp sender' },
    twilioWhatsappContentSid: {
      env: 'TWILIO_WHATSAPP_CONTENT_SID',
      rule: text(/^HX[0-9a-fA-F]{32}$/, 'HX followed by 32 hex digits'),
      doc: 'the approved WhatsApp authentication template whose variable `1` is the code',
    },
  },
  check(c, problems) {
    if (c.production && c.twilioEnabled && !isPublicUrl(c.publicBaseUrl))
      problems.push('PUBLIC_BASE_URL must be set to a public URL (not loopback) when TWILIO_ENABLED=true and NODE_ENV=production');
    if (c.production && c.twilioApiBaseUrl?.startsWith('http:'))
      problems.push('TWILIO_API_BASE_URL must be an https URL when NODE_ENV=production (it carries the credentials)');
    if (!c.twilioEnabled) return;
    if (!c.twilioAccountSid) problems.push('TWILIO_ACCOUNT_SID must be set when TWILIO_ENABLED=true');
    if (!c.twilioAuthToken) problems.push('TWILIO_AUTH_TOKEN must be set when TWILIO_ENABLED=true');
    if (!c.twilioFromNumber && !c.twilioMessagingServiceSid)
      problems.push('TWILIO_FROM_NUMBER or TWILIO_MESSAGING_SERVICE_SID must be set when TWILIO_ENABLED=true');
  },
});

/** A URL the outside world can reach: set, and not a loopback or unspecified host (however it is written). */
function isPublicUrl(url: string | undefined): boolean {
  return !!url && !isLoopbackHost(new URL(url).hostname);
}

/** What the Twilio adapter and its webhook guard read: its settings, plus the shared ones they need. */
export const TWILIO_CONFIG = Symbol('TWILIO_CONFIG');
export const TWILIO_CONFIG_KEYS = [...(Object.keys(TWILIO_SETTINGS.fields) as (keyof TwilioSettings)[]), 'publicBaseUrl', 'providerTimeoutMs'] as const;
export type TwilioConfig = TwilioSettings & Pick<CoreSettings, 'publicBaseUrl'> & Pick<ProviderSettings, 'providerTimeoutMs'>;
