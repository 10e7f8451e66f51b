import type { CoreSettings } from '../../../config/core.settings';

export const STATUS_CALLBACK_PATH = '/mfa/webhooks/twilio/status';
export const INBOUND_PATH = '/mfa/webhooks/twilio/inbound';

/** The URL Twilio posts delivery reports to, and signs: PUBLIC_BASE_URL + path. */
export function statusCallbackUrl(config: Pick<CoreSettings, 'publicBaseUrl'>): string | undefined {
  return config.publicBaseUrl ? publicUrl(config, STATUS_CALLBACK_PATH) : undefined;
}

export function publicUrl(config: Pick<CoreSettings, 'publicBaseUrl'>, path: string): string {
  return new URL(path.replace(/^\//, ''), (config.publicBaseUrl ?? 'http://localhost').replace(/\/?$/, '/')).toString();
}
