import { FailureReason, ProviderError } from '../sms-provider';

/**
 * Twilio's error dictionary (twilio.com/docs/api/errors), by family: what each
 * code says about whom. Codes not listed fall back on the HTTP status.
 */
export const TWILIO_ERRORS: Record<number, FailureReason> = {
  // The number: no provider can help.
  21211: 'invalid_number', // Invalid 'To' Phone Number
  21214: 'invalid_number', // 'To' phone number cannot be reached
  21217: 'invalid_number', // Phone number does not appear to be valid
  21401: 'invalid_number', // Invalid Phone Number
  21407: 'not_mobile', // This Phone Number type does not support SMS or MMS
  21421: 'invalid_number', // PhoneNumber is invalid
  21614: 'not_mobile', // 'To' number is not a valid mobile number
  21610: 'opted_out', // Attempt to send to unsubscribed recipient (STOP)
  13223: 'invalid_number', // Calls: Dial: invalid phone number format
  13224: 'invalid_number', // Calls: Dial: invalid phone number
  // The destination region, for this account: another provider may reach it.
  21408: 'region', // Permission to send an SMS has not been enabled for the region indicated by the 'To' number
  21612: 'region', // The 'To' phone number is not currently reachable via SMS (To/From combination, carrier coverage)
  21608: 'region', // The 'To' number is not yet verified for this account (trial or compliance profile)
  21215: 'region', // Geo Permission configuration is not permitting call
  13227: 'region', // Calls: no international calling permission for this destination
  // The request or its content: configuration of this provider, not its health.
  21602: 'content', // Message body is required
  21605: 'content', // Maximum body length is 160 characters
  21617: 'content', // The concatenated message body exceeds the 1600 character limit
  21619: 'content', // A text message body or media URL must be specified
  30007: 'content', // Message filtered (carrier violation)
  63016: 'content', // WhatsApp: failed to send freeform message outside the 24-hour window
  63024: 'content', // WhatsApp: invalid message recipient / template
  63027: 'content', // WhatsApp: template does not exist for a language and locale
  21603: 'request', // 'From' phone number is required
  21604: 'request', // 'To' phone number is required
  21606: 'request', // The 'From' phone number provided is not a valid message-capable Twilio phone number
  21212: 'request', // Invalid 'From' Phone Number
  21210: 'request', // Calls: 'From' phone number not verified for the account
  21659: 'request', // 'From' is not a Twilio phone number or Short Code country mismatch
  21660: 'request', // Mismatch between the 'From' number and the account
  21701: 'request', // The Messaging Service does not exist
  21703: 'request', // The Messaging Service does not have a phone number available
  21704: 'request', // The Messaging Service contains no phone numbers
  21705: 'request', // The Messaging Service is invalid
  // The account: every message would fail, so this is the provider's health.
  20003: 'account', // Permission Denied (authentication)
  20005: 'account', // Account not active
  20006: 'account', // Access Denied
  20404: 'account', // The requested resource was not found (the account's API path)
  10001: 'account', // Account is not active
  10002: 'account', // Trial account does not support this feature
  30002: 'account', // Account suspended
  // Throttling.
  20429: 'throttled', // Too Many Requests
  14107: 'throttled', // SMS send rate limit exceeded
  30001: 'throttled', // Queue overflow
  21611: 'throttled', // This 'From' number has exceeded the maximum number of queued messages
  63018: 'throttled', // WhatsApp: rate limit exceeded for the sender
};

/** The one place Twilio failures are read (SDK RestException, or a network error). */
export function classifyTwilioError(err: unknown): ProviderError {
  const e = err as { status?: number; code?: number | string };
  if (typeof e.status === 'number') {
    const numeric = typeof e.code === 'number' ? e.code : undefined;
    const known = numeric !== undefined ? TWILIO_ERRORS[numeric] : undefined;
    const code = String(numeric ?? e.status);
    if (known) return new ProviderError(known, code);
    if (e.status === 401 || e.status === 403) return new ProviderError('account', code);
    if (e.status === 429) return new ProviderError('throttled', code);
    if (e.status >= 500) return new ProviderError('server', code);
    // Any other 4xx is about this request: not the provider's health.
    return new ProviderError('request', code);
  }
  const code = typeof e.code === 'string' ? e.code : undefined;
  if (code === 'ECONNABORTED' || code === 'ETIMEDOUT') return new ProviderError('timeout', code);
  return new ProviderError('network', code);
}
