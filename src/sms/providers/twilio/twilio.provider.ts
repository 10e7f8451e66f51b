import { Inject, Injectable } from '@nestjs/common';
import twilio from 'twilio';
import RequestClient from 'twilio/lib/base/RequestClient';
import { TWILIO_CONFIG, type TwilioConfig } from './twilio.config';
import { SendResult, SmsMessage, SmsProvider } from '../sms-provider';
import { Channel } from '../../../common/channel';
import { classifyTwilioError } from './twilio-errors';
import { statusCallbackUrl } from './twilio-urls';

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

/**
 * The languages Twilio's <Say> voices speak, by catalogue locale. A call in
 * another locale is said in English (the script's English version).
 */
const TWILIO_VOICE_LANGUAGES: Readonly<Record<string, string>> = {
  en: 'en-US',
  es: 'es-ES',
  fr: 'fr-FR',
  ar: 'ar-AE',
  ru: 'ru-RU',
  tr: 'tr-TR',
  uk: 'uk-UA',
};

/**
 * A call's TwiML: the intro, the digits one by one, a pause, the repeat and
 * the digits again, then the warning, in the user's language where Twilio speaks it.
 */
function twilioVoiceTwiml(voice: NonNullable<SmsMessage['voice']>): string {
  const language = TWILIO_VOICE_LANGUAGES[voice.script.locale];
  const script = language ? voice.script : voice.english;
  const say = { language: (language ?? TWILIO_VOICE_LANGUAGES.en) as 'en-US' };
  const twiml = new twilio.twiml.VoiceResponse();
  for (const [index, line] of [script.intro, script.repeat].entries()) {
    if (index > 0) twiml.pause({ length: 1 });
    twiml.say(say, line);
    twiml.say(say, script.digits.join(', ') + '.');
  }
  twiml.say(say, script.warning);
  return twiml.toString();
}

@Injectable()
export class TwilioSmsProvider implements SmsProvider {
  readonly name = 'TWILIO' as const;
  readonly enabled: boolean;
  /** SMS always; voice with a number to call from; WhatsApp with its sender and approved template. */
  readonly channels: readonly Channel[];
  private readonly client?: twilio.Twilio;

  constructor(@Inject(TWILIO_CONFIG) private readonly config: TwilioConfig) {
    this.enabled = config.twilioEnabled;
    this.channels = [
      'sms',
      ...(config.twilioFromNumber?.startsWith('+') ? (['voice'] as const) : []),
      ...(config.twilioWhatsappFrom && config.twilioWhatsappContentSid ? (['whatsapp'] as const) : []),
    ];
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
    try {
      return message.channel === 'voice' ? await this.call(message) : await this.message(message);
    } catch (err) {
      throw classifyTwilioError(err);
    }
  }

  /** Messages API: SMS, or WhatsApp through the approved template with the code as its variable 1. */
  private async message(message: SmsMessage): Promise<SendResult> {
    const { twilioFromNumber, twilioMessagingServiceSid, twilioWhatsappFrom, twilioWhatsappContentSid } = this.config;
    const callback = statusCallbackUrl(this.config);
    const whatsapp = message.channel === 'whatsapp';
    const sent = await this.client!.messages.create({
      ...(whatsapp
        ? {
            to: `whatsapp:${message.to}`,
            from: `whatsapp:${twilioWhatsappFrom}`,
            contentSid: twilioWhatsappContentSid,
            contentVariables: JSON.stringify({ 1: message.code }),
          }
        : {
            to: message.to,
            body: message.body,
            ...(twilioMessagingServiceSid ? { messagingServiceSid: twilioMessagingServiceSid } : { from: twilioFromNumber }),
          }),
      ...(callback ? { statusCallback: callback } : {}),
      // Twilio keeps an undelivered message up to 10 h by default; the code dies sooner (1–14,400 s).
      validityPeriod: Math.min(14_400, Math.max(1, Math.floor(message.validitySeconds))),
      ...(message.maxPriceUsd !== undefined ? { maxPrice: message.maxPriceUsd } : {}),
    });
    return {
      providerMessageId: sent.sid,
      status: sent.status === 'sent' || sent.status === 'delivered' ? sent.status : 'queued',
      segments: sent.numSegments ? Number(sent.numSegments) : undefined,
      price: sent.price ? Math.abs(Number(sent.price)) : undefined,
      currency: sent.priceUnit ?? undefined,
    };
  }

  /** Calls API with inline TwiML; the status callback reports answered and completed calls like messages. */
  private async call(message: SmsMessage): Promise<SendResult> {
    const callback = statusCallbackUrl(this.config);
    const call = await this.client!.calls.create({
      to: message.to,
      from: this.config.twilioFromNumber!,
      twiml: twilioVoiceTwiml(message.voice!),
      // Ring for 30 s at most; the script takes well under a minute.
      timeout: 30,
      timeLimit: 60,
      ...(callback ? { statusCallback: callback, statusCallbackEvent: ['answered', 'completed'] } : {}),
    });
    return { providerMessageId: call.sid, status: 'queued', segments: 1 };
  }

  /** Message feedback: the code of this message was used (calls have none). */
  async confirmConversion(providerMessageId: string, channel: Channel): Promise<void> {
    if (channel === 'voice') return;
    try {
      await this.client!.messages(providerMessageId).feedback.create({ outcome: 'confirmed' });
    } catch (err) {
      throw classifyTwilioError(err);
    }
  }
}
