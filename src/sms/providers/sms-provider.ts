import type { ProviderName } from '../../config/mfa-config';

export interface SmsMessage {
  /** E.164 */
  to: string;
  body: string;
  /** Correlates the provider's own logs with ours; never the code. */
  reference: string;
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
 * Every failure is classified once, in the adapter: `transient` failures
 * (timeout, network, 5xx, throttling) move on to the next provider;
 * `permanent` ones belong to the number and stop the failover.
 */
export type FailureKind = 'transient' | 'permanent';
export type FailureReason =
  | 'timeout'
  | 'network'
  | 'server'
  | 'throttled'
  | 'rejected'
  | 'invalid_number'
  | 'opted_out'
  | 'not_mobile';

export class ProviderError extends Error {
  constructor(
    readonly kind: FailureKind,
    readonly reason: FailureReason,
    /** The vendor's own code, e.g. Twilio 21211 or SNS InvalidParameter. */
    readonly providerCode?: string,
  ) {
    super(`${kind} provider failure: ${reason}${providerCode ? ` (${providerCode})` : ''}`);
    this.name = 'ProviderError';
  }

  static transient(reason: FailureReason, providerCode?: string): ProviderError {
    return new ProviderError('transient', reason, providerCode);
  }

  static permanent(reason: FailureReason, providerCode?: string): ProviderError {
    return new ProviderError('permanent', reason, providerCode);
  }
}

export interface SmsProvider {
  readonly name: ProviderName;
  /** Whether configuration turns it on; disabled providers are never called. */
  readonly enabled: boolean;
  /** `signal` aborts at the send deadline; the adapter must stop waiting on it. */
  send(message: SmsMessage, signal: AbortSignal): Promise<SendResult>;
}

/** The list of SMS providers, in any order: the sender orders them by configured priority. */
export const SMS_PROVIDERS = Symbol('SMS_PROVIDERS');
