import type { Channel } from '../../common/channel';
import type { ProviderName } from './providers.config';




/** What a voice call says, in one language: the intro, the digits one by one, then the repeat and the digits again. */
export interface VoiceScript {
  /** The script's language (a locale of the catalogue, e.g. `fr`). */
  locale: string;
  intro: string;
  repeat: string;
  digits: string[];
  /** Said last: never share the code (a caller asking for it is the attack). */
  warning: string;
}

export interface SmsMessage {
  channel: Channel;
  /** E.164 */
  to: string;
  /** sms: the text; voice: the script as plain text (what the mock outbox shows); whatsapp: the text the template stands for. */
  body: string;
  /** voice: the script in the user's language, and in English for a provider whose voices cannot speak that language. */
  voice?: { script: VoiceScript; english: VoiceScript };
  /** whatsapp: the code, the approved template's one variable. Never logged. */
  code?: string;
  /** Correlates the provider's own logs with ours; never the code. */
  reference: string;
  /** The code's remaining lifetime: the provider drops the message after it (a late code is money for nothing). */
  validitySeconds: number;
  /** SMS_MAX_PRICE_USD: the provider refuses a message that would cost more. */
  maxPriceUsd?: number;
}

export type AcceptedStatus = 'queued' | 'sent' | 'delivered';

export interface SendResult {
  providerMessageId?: string;
  status: AcceptedStatus;
  segments?: number;
  price?: number;
  currency?: string;
}

/**
 * Every failure is classified once, in the adapter, by what it says about whom:
 * - `transient`: the provider's health (timeout, network, 5xx, throttling, an
 *   account-wide problem: authentication, suspension, funds). Counts towards
 *   its circuit; the message fails over to the next provider.
 * - `rejected`: this provider will not take this message (the destination
 *   region is not enabled, the request or its content is refused). Says
 *   nothing about its health (no circuit count); the next provider may take it.
 * - `permanent`: the number itself (invalid, not a mobile, opted out). No
 *   provider can help: the failover stops and the number's error is returned.
 */
export type FailureKind = 'transient' | 'rejected' | 'permanent';
export type FailureReason =
  | 'timeout'
  | 'network'
  | 'server'
  | 'throttled'
  | 'account'
  | 'region'
  | 'request'
  | 'content'
  | 'invalid_number'
  | 'opted_out'
  | 'not_mobile';

const KIND_OF: Record<FailureReason, FailureKind> = {
  timeout: 'transient',
  network: 'transient',
  server: 'transient',
  throttled: 'transient',
  account: 'transient',
  region: 'rejected',
  request: 'rejected',
  content: 'rejected',
  invalid_number: 'permanent',
  opted_out: 'permanent',
  not_mobile: 'permanent',
};

export class ProviderError extends Error {
  readonly kind: FailureKind;

  constructor(
    readonly reason: FailureReason,
    /** The vendor's own code, e.g. Twilio 21211 or SNS InvalidParameter. */
    readonly providerCode?: string,
  ) {
    const kind = KIND_OF[reason];
    super(`${kind} provider failure: ${reason}${providerCode ? ` (${providerCode})` : ''}`);
    this.kind = kind;
    this.name = 'ProviderError';
  }
}

export interface SmsProvider {
  readonly name: ProviderName;
  /** Whether configuration turns it on; disabled providers are never called. */
  readonly enabled: boolean;
  /** The channels it serves: `sms` when not given. Budgets and circuits are kept per provider and channel. */
  readonly channels?: readonly Channel[];
  /** `signal` aborts at the send deadline; the adapter must stop waiting on it. */
  send(message: SmsMessage, signal: AbortSignal): Promise<SendResult>;
  /**
   * Conversion feedback, where the vendor offers it: the code of this message
   * was used. Called off the request path; a failure is logged and counted.
   */
  confirmConversion?(providerMessageId: string, channel: Channel): Promise<void>;
}

/** The channels a provider serves. */
/** The host's own SMS adapters, as instances (see SmsMfaModuleWiring.providers). */
export const HOST_SMS_PROVIDERS = Symbol('HOST_SMS_PROVIDERS');

export function channelsOf(provider: Pick<SmsProvider, 'channels'>): readonly Channel[] {
  return provider.channels ?? ['sms'];
}

/** The list of SMS providers, in any order: the sender orders them by configured priority. */
export const SMS_PROVIDERS = Symbol('SMS_PROVIDERS');
