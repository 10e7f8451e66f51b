import type { MfaConfig } from '../config/mfa-config';

export const STATUS_CALLBACK_PATH = '/mfa/webhooks/twilio/status';
export const INBOUND_PATH = '/mfa/webhooks/twilio/inbound';

/** The URL Twilio posts delivery reports to, and signs: PUBLIC_BASE_URL + path. */
export function statusCallbackUrl(config: Pick<MfaConfig, 'publicBaseUrl'>): string | undefined {
  return config.publicBaseUrl ? publicUrl(config, STATUS_CALLBACK_PATH) : undefined;
}

export function publicUrl(config: Pick<MfaConfig, 'publicBaseUrl'>, path: string): string {
  return new URL(path.replace(/^\//, ''), (config.publicBaseUrl ?? 'http://localhost').replace(/\/?$/, '/')).toString();
}
