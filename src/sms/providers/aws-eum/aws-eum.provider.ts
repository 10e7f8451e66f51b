import { Inject, Injectable } from '@nestjs/common';
import {
  PinpointSMSVoiceV2Client,
  PutMessageFeedbackCommand,
  SendTextMessageCommand,
  SendVoiceMessageCommand,
  type VoiceId,
} from '@aws-sdk/client-pinpoint-sms-voice-v2';
import { awsClientOptions } from '../aws-client';
import { AWS_EUM_CONFIG, type AwsEumConfig } from './aws-eum.config';
import { ProviderError, SendResult, SmsMessage, SmsProvider, VoiceScript } from '../sms-provider';
import { Channel } from '../../../common/channel';
import { classifyEumError } from './aws-eum-errors';

/** TimeToLive's range in the API (seconds): a code's remaining lifetime is clamped into it. */
const EUM_TTL_MIN = 5;
const EUM_TTL_MAX = 259_200;

/**
 * The Polly voice for each catalogue locale that one of the API's voices
 * speaks (the SDK's VoiceId enum). Other locales are called in English.
 */
export const EUM_VOICES: Readonly<Record<string, VoiceId>> = {
  en: 'JOANNA',
  es: 'LUCIA',
  fr: 'LEA',
  ar: 'ZEINA',
  ru: 'TATYANA',
  tr: 'FILIZ',
};
const FALLBACK_VOICE: VoiceId = 'JOANNA';

/**
 * AWS End User Messaging SMS and Voice v2: transactional SMS and voice calls
 * that read the code. Credentials come from the standard AWS chain. The SDK's
 * own retries are off (one attempt): a slow AWS must not delay failover,
 * which is the sender's job.
 */
@Injectable()
export class AwsEumProvider implements SmsProvider {
  readonly name = 'AWS_EUM' as const;
  readonly channels: readonly Channel[] = ['sms', 'voice'] as const;
  readonly enabled: boolean;
  private readonly client?: PinpointSMSVoiceV2Client;

  constructor(@Inject(AWS_EUM_CONFIG) private readonly config: AwsEumConfig) {
    this.enabled = config.awsEumEnabled;
    if (!this.enabled) return;
    this.client = new PinpointSMSVoiceV2Client(awsClientOptions(config.awsEumRegion, config.awsEumEndpoint, config.providerTimeoutMs));
  }

  async send(message: SmsMessage, signal: AbortSignal): Promise<SendResult> {
    if (message.channel !== 'sms' && message.channel !== 'voice') {
      throw new ProviderError('request', 'channel_not_served');
    }
    try {
      const out =
        message.channel === 'sms'
          ? await this.client!.send(this.textCommand(message), { abortSignal: signal })
          : await this.client!.send(this.voiceCommand(message), { abortSignal: signal });
      return { providerMessageId: out.MessageId, status: 'queued' };
    } catch (err) {
      throw classifyEumError(err);
    }
  }

  /** The code was used: AWS counts it towards the origination's conversion rate (message feedback). */
  async confirmConversion(providerMessageId: string): Promise<void> {
    try {
      await this.client!.send(
        new PutMessageFeedbackCommand({ MessageId: providerMessageId, MessageFeedbackStatus: 'RECEIVED' }),
      );
    } catch (err) {
      throw classifyEumError(err);
    }
  }

  destroy(): void {
    this.client?.destroy();
  }

  private textCommand(message: SmsMessage): SendTextMessageCommand {
    return new SendTextMessageCommand({
      DestinationPhoneNumber: message.to,
      MessageBody: message.body,
      MessageType: 'TRANSACTIONAL',
      OriginationIdentity: this.config.awsEumOriginationIdentity,
      ConfigurationSetName: this.config.awsEumConfigurationSet,
      TimeToLive: eumTimeToLive(message.validitySeconds),
      MaxPrice: message.maxPriceUsd !== undefined ? message.maxPriceUsd.toFixed(5) : undefined,
      // Lets confirmConversion report the code as received.
      MessageFeedbackEnabled: true,
      // Reaches the configuration set's events: correlates them with the challenge (never the code).
      Context: { challengeId: message.reference },
    });
  }

  private voiceCommand(message: SmsMessage): SendVoiceMessageCommand {
    // Voice needs a number of ours to call from: AWS will not pick one.
    const origination = this.config.awsEumOriginationIdentity;
    if (!origination) throw new ProviderError('request', 'no_origination_identity');
    const { script, voiceId } = eumVoiceFor(message);
    return new SendVoiceMessageCommand({
      DestinationPhoneNumber: message.to,
      OriginationIdentity: origination,
      MessageBody: voiceSsml(script),
      MessageBodyTextType: 'SSML',
      VoiceId: voiceId,
      ConfigurationSetName: this.config.awsEumConfigurationSet,
      TimeToLive: eumTimeToLive(message.validitySeconds),
      // Calls are priced per minute and a code's call is under one: the per-message cap bounds the minute.
      MaxPricePerMinute: message.maxPriceUsd !== undefined ? message.maxPriceUsd.toFixed(5) : undefined,
      MessageFeedbackEnabled: true,
      Context: { challengeId: message.reference },
    });
  }
}

/** The code's remaining lifetime in whole seconds, within the API's TimeToLive range. */
export function eumTimeToLive(validitySeconds: number): number {
  const whole = Number.isFinite(validitySeconds) ? Math.floor(validitySeconds) : EUM_TTL_MIN;
  return Math.min(EUM_TTL_MAX, Math.max(EUM_TTL_MIN, whole));
}

/** The script a call reads and its voice: the user's language where a voice speaks it, else English. */
export function eumVoiceFor(message: Pick<SmsMessage, 'voice'>): { script: VoiceScript; voiceId: VoiceId } {
  if (!message.voice) throw new ProviderError('request', 'no_voice_script');
  const { script, english } = message.voice;
  const voiceId = EUM_VOICES[script.locale] ?? EUM_VOICES[script.locale.split('-')[0]];
  return voiceId ? { script, voiceId } : { script: english, voiceId: FALLBACK_VOICE };
}

/** The call's SSML: the intro, the digits one by one, a pause, the repeat and the digits again. */
export function voiceSsml(script: VoiceScript): string {
  const digits = script.digits.map(escapeXml).join('<break time="400ms"/>');
  return (
    `<speak>${escapeXml(script.intro)}<break time="300ms"/>${digits}` +
    `<break time="1s"/>${escapeXml(script.repeat)}<break time="300ms"/>${digits}` +
    `<break time="700ms"/>${escapeXml(script.warning)}</speak>`
  );
}

const XML_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => XML_ENTITIES[c]);
}
