import { Inject, Injectable } from '@nestjs/common';
import twilio from 'twilio';
import RequestClient from 'twilio/lib/base/RequestClient';
import { TWILIO_CONFIG, type TwilioConfig } from './twilio.config';
import { SendResult, SmsMessage, SmsProvider } from '../sms-provider';
import { classifyTwilioError } from './twilio-errors';
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

@Injectable()
export class TwilioSmsProvider implements SmsProvider {
  readonly name = 'TWILIO' as const;
  readonly enabled: boolean;
  private readonly client?: twilio.Twilio;

  constructor(@Inject(TWILIO_CONFIG) private readonly config: TwilioConfig) {
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
        ...(twilioMessagingServiceSid
          ? { messagingServiceSid: twilioMessagingServiceSid }
          : { from: twilioFromNumber }),
        ...(callback ? { statusCallback: callback } : {}),
        // Twilio keeps an undelivered message up to 10 h by default; the code dies sooner (1–14,400 s).
        validityPeriod: Math.min(14_400, Math.max(1, Math.floor(message.validitySeconds))),
        ...(message.maxPriceUsd !== undefined ? { maxPrice: message.maxPriceUsd } : {}),
      });
    } catch (err) {
      throw classifyTwilioError(err);
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
