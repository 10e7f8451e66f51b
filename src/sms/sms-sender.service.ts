import { Inject, Injectable, Logger } from '@nestjs/common';
import {
  BrokenCircuitError,
  CircuitBreakerPolicy,
  CircuitState,
  circuitBreaker,
  ConsecutiveBreaker,
  handleWhen,
} from 'cockatiel';
import { Clock } from '../common/clock';
import { MfaError } from '../common/mfa-error';
import { MFA_CONFIG, type MfaConfig } from '../config/mfa-config';
import { maskPhone } from '../phone/mask';
import { ProviderBudgets } from './provider-budgets';
import { SendLogRepository } from './send-log.repository';
import { ProviderError, SendResult, SMS_PROVIDERS, SmsMessage, SmsProvider } from './providers/sms-provider';
import { SmsEvents } from './sms-events';

export interface DeliveryContext {
  challengeId: string;
  userId: string;
  country?: string;
  /** The provider reserved by reserve(), whose attempt row was opened with the challenge. */
  reserved: { attemptId: string; provider: string };
  /** As rendered: logged with the attempt (segments unless the provider reports its own count). */
  encoding: string;
  segments: number;
}

export interface Delivery {
  provider: string;
  attempts: number;
  result: SendResult;
}

export interface ProviderState {
  name: string;
  enabled: boolean;
  priority: number;
  circuit: 'closed' | 'open' | 'half-open';
}

interface Route {
  provider: SmsProvider;
  breaker: CircuitBreakerPolicy;
  /** When the circuit last opened (Date.now()): it stays skipped until halfOpenAfter has passed. */
  openedAt?: number;
}

/** Seconds a client is asked to wait when no provider could take a message. */
const UNAVAILABLE_RETRY_AFTER = 30;

const CIRCUIT_NAMES: Record<CircuitState, ProviderState['circuit']> = {
  [CircuitState.Closed]: 'closed',
  [CircuitState.Open]: 'open',
  [CircuitState.HalfOpen]: 'half-open',
  [CircuitState.Isolated]: 'open',
};

/**
 * The sending pipeline: providers in priority order; a provider is skipped
 * when disabled, its circuit is open, or its shared budget is spent. Each
 * attempt is logged; transient failures fail over with the same message,
 * permanent ones become the number's error. The loop never reads vendor
 * codes: the adapters classify.
 */
@Injectable()
export class SmsSender {
  private readonly logger = new Logger('SmsSender');
  private readonly all: SmsProvider[];
  private readonly routes: Route[];

  constructor(
    @Inject(SMS_PROVIDERS) providers: SmsProvider[],
    @Inject(MFA_CONFIG) private readonly config: MfaConfig,
    @Inject(Clock) private readonly clock: Clock,
    private readonly sendLog: SendLogRepository,
    private readonly budgets: ProviderBudgets,
    private readonly events: SmsEvents,
  ) {
    this.all = [...providers].sort((a, b) => config.providers[a.name].priority - config.providers[b.name].priority);
    this.routes = this.all
      .filter((p) => p.enabled)
      .map((provider) => ({
        provider,
        // Only transient failures count towards opening: a wrong number says nothing about the provider.
        breaker: circuitBreaker(
          handleWhen((e) => e instanceof ProviderError && e.kind === 'transient'),
          {
            halfOpenAfter: config.circuitHalfOpenMs,
            breaker: new ConsecutiveBreaker(config.circuitFailureThreshold),
          },
        ),
      }));
    for (const route of this.routes) {
      route.breaker.onStateChange((state) => {
        if (state === CircuitState.Open) route.openedAt = Date.now();
        this.events.circuitChanged(route.provider.name, CIRCUIT_NAMES[state]);
      });
    }
    for (const p of this.all) this.events.providerReady(p.name, p.enabled);
  }

  /** Every known provider with its state, first choice first (for /health). */
  providerStates(): ProviderState[] {
    return this.all.map((p) => ({
      name: p.name,
      enabled: p.enabled,
      priority: this.config.providers[p.name].priority,
      circuit: CIRCUIT_NAMES[this.routes.find((r) => r.provider === p)?.breaker.state ?? CircuitState.Closed],
    }));
  }

  /**
   * Picks the provider a new message goes to first and takes a slot of its
   * budget. None → PROVIDERS_UNAVAILABLE before anything is written.
   */
  async reserve(): Promise<SmsProvider> {
    for (const route of this.routes) {
      if (await this.usable(route)) return route.provider;
    }
    throw unavailable();
  }

  async deliver(message: SmsMessage, ctx: DeliveryContext): Promise<Delivery> {
    const start = this.routes.findIndex((r) => r.provider.name === ctx.reserved.provider);
    let attempt = 0;
    let previous: string | undefined;
    for (let index = Math.max(start, 0); index < this.routes.length; index++) {
      const route = this.routes[index];
      const reserved = index === start;
      if (!reserved && !(await this.usable(route))) continue;
      attempt += 1;
      if (previous) this.events.failedOver(previous, route.provider.name);
      const attemptId = reserved
        ? ctx.reserved.attemptId
        : await this.sendLog.begin({
            challengeId: ctx.challengeId,
            userId: ctx.userId,
            country: ctx.country,
            provider: route.provider.name,
            attempt,
          });
      const started = performance.now();
      let result: SendResult;
      try {
        result = await route.breaker.execute(() => this.sendWithDeadline(route.provider, message));
      } catch (err) {
        const failure = toProviderError(err);
        const next = failure.kind === 'transient' ? this.routes[index + 1]?.provider.name : undefined;
        await this.sendLog.failed(attemptId, failure, Math.round(performance.now() - started), next);
        this.events.failed(route.provider.name, failure);
        this.logger.warn(`${route.provider.name} failed for ${maskPhone(message.to)}: ${failure.message}`);
        if (failure.kind === 'permanent') throw toNumberError(failure);
        previous = route.provider.name;
        continue;
      }
      const latency = Math.round(performance.now() - started);
      await this.sendLog.accepted(attemptId, { segments: ctx.segments, ...result }, latency, ctx.encoding);
      this.events.sent(route.provider.name, result);
      return { provider: route.provider.name, attempts: attempt, result };
    }
    throw unavailable();
  }

  /** Circuit not open, and a budget slot taken. */
  private async usable(route: Route): Promise<boolean> {
    // An open circuit is skipped without a call until halfOpenAfter has passed;
    // then the next execute() is cockatiel's half-open probe.
    const halfOpenDue = Date.now() - (route.openedAt ?? 0) >= this.config.circuitHalfOpenMs;
    if (route.breaker.state === CircuitState.Open && !halfOpenDue) return false;
    const limits = this.config.providers[route.provider.name];
    const taken = await this.budgets.tryTake(route.provider.name, limits, this.clock.now());
    if (!taken) this.events.budgetSpent(route.provider.name);
    return taken;
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

function toProviderError(err: unknown): ProviderError {
  if (err instanceof ProviderError) return err;
  if (err instanceof BrokenCircuitError) return ProviderError.transient('server', 'circuit_open');
  return ProviderError.transient('network');
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
