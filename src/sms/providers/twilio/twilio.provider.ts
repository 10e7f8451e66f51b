import { Inject, Injectable } from '@nestjs/common';
import twilio from 'twilio';
import RequestClient from 'twilio/lib/base/RequestClient';
import { MFA_CONFIG, type MfaConfig } from '../../../config/mfa-config';
import { ProviderError, SendResult, SmsMessage, SmsProvider } from '../sms-provider';
import { statusCallbackUrl } from '../../../webhooks/webhook-urls';

/**
 * Twilio's request client, pointed at another base URL when
 * TWILIO_API_BASE_URL is set (a regional edge in production, a local fake in
 * tests). The SDK builds every request; only the origin changes.
 */
class BaseUrlRequestClient extends RequestClient {
  constructor(
    private readonly baseUrl: string | undefined,
    options: RequestClient.RequestClientOptions,
  ) {
    super(options);
  }

  request<T>(opts: RequestClient.RequestOptions<T>) {
    if (this.baseUrl) {
      const target = new URL(opts.uri);
      opts = { ...opts, uri: new URL(target.pathname + target.search, this.baseUrl).toString() };
    }
    return super.request(opts);
  }
}

/** Error codes that belong to the number: failing over would not help. */
const NUMBER_ERRORS: Record<number, 'invalid_number' | 'opted_out' | 'not_mobile'> = {
  21211: 'invalid_number', // invalid 'To' number
  21217: 'invalid_number', // phone number does not appear to be valid
  21407: 'invalid_number', // unsupported destination
  21610: 'opted_out', // the recipient replied STOP
  21612: 'not_mobile', // cannot route to this number
  21614: 'not_mobile', // 'To' is not a mobile number
};

@Injectable()
export class TwilioSmsProvider implements SmsProvider {
  readonly name = 'TWILIO' as const;
  readonly enabled: boolean;
  private readonly client?: twilio.Twilio;

  constructor(@Inject(MFA_CONFIG) private readonly config: MfaConfig) {
    this.enabled = config.twilioEnabled;
    if (!this.enabled) return;
    this.client = twilio(config.twilioAccountSid, config.twilioAuthToken, {
      httpClient: new BaseUrlRequestClient(config.twilioApiBaseUrl, {
        timeout: config.providerTimeoutMs,
        keepAlive: true,
        autoRetry: false,
      }),
    });
  }

  async send(message: SmsMessage): Promise<SendResult> {
    const { twilioFromNumber, twilioMessagingServiceSid } = this.config;
    const callback = statusCallbackUrl(this.config);
    let sent;
    try {
      sent = await this.client!.messages.create({
        to: message.to,
        body: message.body,
        ...(twilioMessagingServiceSid ? { messagingServiceSid: twilioMessagingServiceSid } : { from: twilioFromNumber }),
        ...(callback ? { statusCallback: callback } : {}),
      });
    } catch (err) {
      throw classify(err);
    }
    return {
      providerMessageId: sent.sid,
      status: sent.status === 'sent' || sent.status === 'delivered' ? sent.status : 'queued',
      segments: sent.numSegments ? Number(sent.numSegments) : undefined,
      price: sent.price ? Math.abs(Number(sent.price)) : undefined,
      currency: sent.priceUnit ?? undefined,
    };
  }
}

/** The one place Twilio failures are read: number errors are permanent, all else fails over. */
export function classify(err: unknown): ProviderError {
  const e = err as { status?: number; code?: number | string };
  if (typeof e.status === 'number') {
    const numeric = typeof e.code === 'number' ? e.code : undefined;
    const reason = numeric !== undefined ? NUMBER_ERRORS[numeric] : undefined;
    if (reason) return ProviderError.permanent(reason, String(numeric));
    if (e.status === 429 || numeric === 20429) return ProviderError.transient('throttled', String(numeric ?? 429));
    if (e.status >= 500) return ProviderError.transient('server', String(numeric ?? e.status));
    // Account, permission or request problems: another provider may still deliver.
    return ProviderError.transient('rejected', String(numeric ?? e.status));
  }
  const code = typeof e.code === 'string' ? e.code : undefined;
  if (code === 'ECONNABORTED' || code === 'ETIMEDOUT') return ProviderError.transient('timeout', code);
  return ProviderError.transient('network', code);
}
