import { Inject, Injectable, Logger } from '@nestjs/common';
import { MfaError } from '../common/mfa-error';
import { MFA_CONFIG, type MfaConfig } from '../config/mfa-config';
import { maskPhone } from '../phone/mask';
import { SendLogRepository } from './send-log.repository';
import { ProviderError, SendResult, SMS_PROVIDERS, SmsMessage, SmsProvider } from './providers/sms-provider';

export interface DeliveryContext {
  challengeId: string;
  userId: string;
  country?: string;
  /** The attempt row opened with the challenge for the first choice (see firstChoice()). */
  openedAttempt?: { id: string; provider: string };
}

export interface ProviderState {
  name: string;
  enabled: boolean;
  priority: number;
  circuit: 'closed' | 'open' | 'half-open';
}

export interface Delivery {
  provider: string;
  attempts: number;
  result: SendResult;
}

/** Seconds a client is asked to wait when no provider could take a message. */
const UNAVAILABLE_RETRY_AFTER = 30;

/**
 * The sending pipeline: providers in priority order, each attempt logged,
 * transient failures failed over with the same message, permanent ones mapped
 * to the number's error. The loop never reads vendor codes: adapters classify.
 */
@Injectable()
export class SmsSender {
  private readonly logger = new Logger('SmsSender');
  private readonly all: SmsProvider[];
  private readonly route: SmsProvider[];

  constructor(
    @Inject(SMS_PROVIDERS) providers: SmsProvider[],
    @Inject(MFA_CONFIG) private readonly config: MfaConfig,
    private readonly sendLog: SendLogRepository,
  ) {
    this.all = [...providers].sort((a, b) => config.providers[a.name].priority - config.providers[b.name].priority);
    this.route = this.all.filter((p) => p.enabled);
  }

  /** Every known provider with its state, first choice first (for /health). */
  providerStates(): ProviderState[] {
    return this.all.map((p) => ({
      name: p.name,
      enabled: p.enabled,
      priority: this.config.providers[p.name].priority,
      circuit: 'closed' as const,
    }));
  }

  /** The provider a new message goes to first; none → PROVIDERS_UNAVAILABLE before anything is written. */
  firstChoice(): SmsProvider {
    const first = this.route[0];
    if (!first) throw unavailable();
    return first;
  }

  async deliver(message: SmsMessage, ctx: DeliveryContext): Promise<Delivery> {
    let attempt = 0;
    for (const [index, provider] of this.route.entries()) {
      attempt += 1;
      const opened = attempt === 1 && ctx.openedAttempt?.provider === provider.name ? ctx.openedAttempt.id : undefined;
      const attemptId =
        opened ??
        (await this.sendLog.begin({
          challengeId: ctx.challengeId,
          userId: ctx.userId,
          country: ctx.country,
          provider: provider.name,
          attempt,
        }));
      const started = performance.now();
      try {
        const result = await this.sendWithDeadline(provider, message);
        await this.sendLog.accepted(attemptId, result, Math.round(performance.now() - started));
        return { provider: provider.name, attempts: attempt, result };
      } catch (err) {
        const failure = err instanceof ProviderError ? err : ProviderError.transient('network');
        const next = failure.kind === 'transient' ? this.route[index + 1]?.name : undefined;
        await this.sendLog.failed(attemptId, failure, Math.round(performance.now() - started), next);
        this.logger.warn(
          `${provider.name} failed for ${maskPhone(message.to)}: ${failure.message}${next ? `; failing over to ${next}` : ''}`,
        );
        if (failure.kind === 'permanent') throw toNumberError(failure);
      }
    }
    throw unavailable();
  }

  private async sendWithDeadline(provider: SmsProvider, message: SmsMessage): Promise<SendResult> {
    const controller = new AbortController();
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        controller.abort();
        reject(ProviderError.transient('timeout'));
      }, this.config.providerTimeoutMs);
    });
    try {
      return await Promise.race([provider.send(message, controller.signal), deadline]);
    } finally {
      clearTimeout(timer);
    }
  }
}

function toNumberError(failure: ProviderError): MfaError {
  switch (failure.reason) {
    case 'opted_out':
      return new MfaError('PHONE_OPTED_OUT');
    case 'invalid_number':
    case 'not_mobile':
      return new MfaError('INVALID_PHONE');
    default:
      return unavailable();
  }
}

function unavailable(): MfaError {
  return new MfaError('PROVIDERS_UNAVAILABLE', undefined, { retryAfterSeconds: UNAVAILABLE_RETRY_AFTER });
}
