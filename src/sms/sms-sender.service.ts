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
import { HOST_PROVIDER_DEFAULTS, PROVIDER_NAME, type ProviderLimits } from './providers/providers.config';
import { ConfigError } from '../config/settings';
import { SMS_CONFIG, type SmsConfig } from './sms.config';
import { maskPhone } from '../phone/mask';
import { PriceBook } from './pricing/price-book';
import { ProviderBudgets } from './provider-budgets';
import { SendLogRepository } from './send-log.repository';
import { channelsOf, ProviderError, SendResult, SMS_PROVIDERS, SmsMessage, SmsProvider } from './providers/sms-provider';
import { Channel } from '../common/channel';
import { SmsEvents } from './sms-events';

export interface DeliveryContext {
  challengeId: string;
  userId: string;
  country?: string;
  /** The attempt row opened with the challenge for firstCandidate(); used by the first provider that is handed the message. */
  firstAttempt?: { attemptId: string; provider: string };
  /** As rendered: logged with the attempt (segments unless the provider reports its own count). */
  encoding: string;
  segments: number;
  /** When the code dies: each provider is told the remaining lifetime at its hand-over. */
  expiresAt: Date;
  /** Why this send exists when it is not the user's own request (a fallback): written on its attempts. */
  reason?: string;
}

/** A message as the pipeline gets it; the lifetime is filled in per attempt. */
export type OutgoingMessage = Omit<SmsMessage, 'validitySeconds'>;

/**
 * Thrown by deliver(): the error for the client, and whether the send is given
 * back to the requester's limits (only when no provider could take it through
 * no fault of the number: down, spent, circuits open).
 */
export class DeliveryFailed extends Error {
  constructor(
    readonly error: MfaError,
    readonly refund: boolean,
  ) {
    super(error.message);
    this.name = 'DeliveryFailed';
  }
}

export interface Delivery {
  provider: string;
  channel: Channel;
  attempts: number;
  result: SendResult;
  /** US dollars: the provider's reported price, else the price table's estimate for it. */
  costUsd: number;
}

export interface ProviderState {
  name: string;
  enabled: boolean;
  priority: number;
  /** The circuit of its SMS route (or of its first channel). */
  circuit: 'closed' | 'open' | 'half-open';
  /** Every enabled channel it serves, with that route's circuit. */
  channels: Partial<Record<Channel, 'closed' | 'open' | 'half-open'>>;
}

interface Route {
  provider: SmsProvider;
  channel: Channel;
  /**
   * The route's name for budgets, prices, metrics and circuits: the provider's
   * name for SMS (TWILIO), with the channel for the others (TWILIO_VOICE).
   */
  label: string;
  /** Its budgets (fixed at start-up). */
  limits: ProviderLimits;
  breaker: CircuitBreakerPolicy;
  /** When the circuit last opened (the injected Clock): it stays skipped until SMS_CIRCUIT_HALF_OPEN_MS has passed. */
  openedAt?: number;
}

/** Tries of the write that records a provider's acceptance (50 ms, then 200 ms apart). */
const ACCEPTED_WRITE_TRIES = 3;

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
 * when disabled, its circuit is open (or half-open: one caller probes, the
 * others go straight to the next provider), or its shared budget is spent. A
 * budget slot is taken only at hand-over, so nothing refused before costs one.
 * Each attempt is logged. `transient` failures (the provider's health) count
 * towards its circuit and fail over; `rejected` ones (this provider will not
 * take this message) fail over without touching the circuit; `permanent` ones
 * belong to the number and stop. The loop never reads vendor codes: the
 * adapters classify.
 */
@Injectable()
export class SmsSender {
  private readonly logger = new Logger('SmsSender');
  private readonly all: SmsProvider[];
  private readonly routes: Route[];
  /** The routes of each channel, per destination (by price with SMS_ROUTING=cost; bounded by the countries there are). */
  private readonly costOrder = new Map<string, Route[]>();

  constructor(
    @Inject(SMS_PROVIDERS) providers: SmsProvider[],
    @Inject(SMS_CONFIG) private readonly config: SmsConfig,
    @Inject(Clock) private readonly clock: Clock,
    private readonly sendLog: SendLogRepository,
    private readonly budgets: ProviderBudgets,
    private readonly events: SmsEvents,
    private readonly prices: PriceBook,
  ) {
    assertDistinctNames(providers);
    this.all = [...providers].sort((a, b) => this.limits(a.name).priority - this.limits(b.name).priority);
    const wanted = new Set<Channel>([...config.channels, ...(config.voiceFallback ? (['voice'] as const) : [])]);
    this.routes = this.all
      .filter((p) => p.enabled)
      .flatMap((provider) => channelsOf(provider).filter((c) => wanted.has(c)).map((channel) => ({ provider, channel })))
      .map(({ provider, channel }) => ({
        provider,
        channel,
        label: routeLabel(provider.name, channel),
        limits: this.routeLimits(provider.name, channel),
        // Only the provider's health counts towards opening: a wrong number or a
        // refused destination says nothing about it.
        breaker: circuitBreaker(
          handleWhen((e) => e instanceof ProviderError && e.kind === 'transient'),
          {
            // The half-open wait is decided by callable() on the injected Clock; cockatiel only counts.
            halfOpenAfter: 0,
            breaker: new ConsecutiveBreaker(config.circuitFailureThreshold),
          },
        ),
      }));
    for (const route of this.routes) {
      route.breaker.onStateChange((state) => {
        if (state === CircuitState.Open) route.openedAt = this.clock.now().getTime();
        this.events.circuitChanged(route.label, CIRCUIT_NAMES[state]);
      });
    }
    for (const p of this.all) this.events.providerReady(p.name, p.enabled);
    // SMS without a provider is the operator's outage (503 at send time); another channel without one is a configuration error.
    for (const channel of wanted) {
      if (channel !== 'sms' && !this.routes.some((r) => r.channel === channel)) {
        throw new ConfigError([
          channel === 'voice' && !config.channels.includes('voice')
            ? 'SMS_VOICE_FALLBACK=true needs an enabled provider that serves voice (Twilio with TWILIO_FROM_NUMBER, AWS_EUM with an origination identity)'
            : `SMS_CHANNELS includes ${channel}, but no enabled provider serves it`,
        ]);
      }
    }
  }

  /** Every known provider with its state, first choice first (for /health). */
  providerStates(): ProviderState[] {
    return this.all.map((p) => {
      const routes = this.routes.filter((r) => r.provider === p);
      return {
        name: p.name,
        enabled: p.enabled,
        priority: this.limits(p.name).priority,
        circuit: CIRCUIT_NAMES[routes[0]?.breaker.state ?? CircuitState.Closed],
        channels: Object.fromEntries(routes.map((r) => [r.channel, CIRCUIT_NAMES[r.breaker.state]])),
      };
    });
  }

  /** A provider's priority and budgets: configured, else a host adapter's defaults. */
  private limits(name: string): ProviderLimits {
    return this.config.providers[name] ?? HOST_PROVIDER_DEFAULTS;
  }

  /**
   * A voice or WhatsApp route without budgets of its own gets a tenth of its
   * provider's (at least one a minute): calls cost more and are what toll
   * fraud goes after, so they are not a second full SMS budget.
   */
  private routeLimits(provider: string, channel: Channel): ProviderLimits {
    const own = this.config.providers[routeLabel(provider, channel)];
    const limits = this.limits(provider);
    if (own || channel === 'sms') return own ?? limits;
    const tenth = (n: number) => Math.max(1, Math.floor(n / 10));
    return { ...limits, maxPerMinute: tenth(limits.maxPerMinute), maxPerHour: tenth(limits.maxPerHour), maxPerDay: tenth(limits.maxPerDay) };
  }

  /** Price labels of the routes that may be called for a channel, for worst-case cost estimates. */
  priceLabels(channel: Channel): string[] {
    return this.routes.filter((r) => r.channel === channel).map((r) => r.label);
  }

  /**
   * SMS_ROUTING: `priority` keeps the configured order; `cost` puts the
   * cheapest provider for the destination first, then the rest by priority
   * (unhealthy ones are skipped at hand-over either way).
   */
  private order(country: string | undefined, channel: Channel): Route[] {
    const key = `${channel}:${country ?? ''}`;
    let ordered = this.costOrder.get(key);
    if (!ordered) {
      ordered = this.routes.filter((r) => r.channel === channel);
      // Prices are fixed once loaded: each destination's order is computed once (a sort is stable: ties keep priority).
      if (this.config.routing === 'cost') {
        ordered.sort((a, b) => this.prices.price(a.label, country) - this.prices.price(b.label, country));
      }
      this.costOrder.set(key, ordered);
    }
    return ordered;
  }

  /**
   * The provider a new message will most likely go to first (its attempt row
   * is opened with the challenge); takes nothing. None whose circuit lets a
   * call through → PROVIDERS_UNAVAILABLE before anything is written.
   */
  firstCandidate(country: string | undefined, channel: Channel = 'sms'): string {
    const route = this.order(country, channel).find((r) => this.callable(r));
    if (!route) throw unavailable();
    return route.provider.name;
  }

  async deliver(outgoing: OutgoingMessage, ctx: DeliveryContext): Promise<Delivery> {
    let attempt = 0;
    let previous: string | undefined;
    let unusedRow: DeliveryContext['firstAttempt'] | undefined = ctx.firstAttempt;
    let providerDown = false;
    const rejections: ProviderError[] = [];
    const routes = this.order(ctx.country, outgoing.channel);
    for (let index = 0; index < routes.length; index++) {
      const route = routes[index];
      if (!(await this.take(route))) continue;
      attempt += 1;
      if (previous) this.events.failedOver(previous, route.label);
      let attemptId: string;
      if (unusedRow) {
        attemptId = unusedRow.attemptId;
        if (unusedRow.provider !== route.provider.name) await this.sendLog.reassign(attemptId, route.provider.name);
        unusedRow = undefined;
      } else {
        attemptId = await this.sendLog.begin({
          challengeId: ctx.challengeId,
          userId: ctx.userId,
          country: ctx.country,
          provider: route.provider.name,
          attempt,
          channel: route.channel,
          reason: ctx.reason,
        });
      }
      const started = performance.now();
      const message = { ...outgoing, validitySeconds: (ctx.expiresAt.getTime() - this.clock.now().getTime()) / 1000 };
      let result: SendResult;
      try {
        result = await route.breaker.execute(() => this.sendWithDeadline(route.provider, message));
      } catch (err) {
        const failure = toProviderError(err);
        const next = failure.kind === 'permanent' ? undefined : routes[index + 1]?.provider.name;
        await this.sendLog.failed(attemptId, failure, Math.round(performance.now() - started), next);
        this.events.failed(route.label, failure);
        this.logger.warn(`${route.provider.name} failed for ${maskPhone(outgoing.to)}: ${failure.message}`);
        if (failure.kind === 'permanent') throw new DeliveryFailed(toNumberError(failure), false);
        if (failure.kind === 'transient') providerDown = true;
        else rejections.push(failure);
        previous = route.label;
        continue;
      }
      const latency = Math.round(performance.now() - started);
      const estimate = this.prices.estimate(route.label, ctx.country, result.segments ?? ctx.segments);
      await this.recordAccepted(
        route.label,
        attemptId,
        { segments: ctx.segments, ...result },
        latency,
        ctx.encoding,
        estimate,
      );
      this.events.sent(route.label, result);
      const reported =
        result.price !== undefined && (result.currency ?? 'USD').toUpperCase() === 'USD' ? result.price : undefined;
      return { provider: route.provider.name, channel: route.channel, attempts: attempt, result, costUsd: reported ?? estimate };
    }
    // The row opened with the challenge was never handed to anyone: it records why.
    if (unusedRow) await this.abandon(unusedRow.attemptId, 'no_provider');
    if (rejections.length && !providerDown) throw new DeliveryFailed(rejectionError(rejections), false);
    throw new DeliveryFailed(unavailable(), true);
  }

  /** The attempt opened with a challenge whose message no provider will be handed: it records why (its error code). */
  async abandon(attemptId: string, why: 'no_provider' | 'screened'): Promise<void> {
    await this.sendLog.failed(attemptId, new ProviderError('server', why), 0);
  }

  /**
   * Once a provider took the message the send stands: its code is on the way,
   * so the client gets its 202 whatever happens to this write. It is retried;
   * if the database still refuses, the row stays 'sending' and the reaper
   * resolves it (and alerts), and the first cause is logged.
   */
  private async recordAccepted(
    provider: string,
    id: string,
    result: SendResult,
    latency: number,
    encoding: string,
    estimate: number,
  ): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.sendLog.accepted(id, result, latency, encoding, estimate);
      } catch (err) {
        if (attempt >= ACCEPTED_WRITE_TRIES) {
          this.events.acceptanceUnrecorded(provider);
          this.logger.error(
            `a delivered message's acceptance could not be recorded (left for the reaper): ${(err as Error).message}`,
          );
          return;
        }
        await new Promise((resolve) => setTimeout(resolve, 50 * 4 ** (attempt - 1)));
      }
    }
  }

  /**
   * Whether a call may go to this route now: circuit closed, or open with its
   * half-open time due (that caller becomes the one probe). Half-open (a probe
   * in flight): no, so nobody queues behind the probe.
   */
  private callable(route: Route): boolean {
    const state = route.breaker.state;
    if (state === CircuitState.HalfOpen || state === CircuitState.Isolated) return false;
    return (
      state !== CircuitState.Open || this.clock.now().getTime() - (route.openedAt ?? 0) >= this.config.circuitHalfOpenMs
    );
  }

  /** A budget slot for a message about to be handed to this route (none taken when the route is not callable). */
  private async take(route: Route): Promise<boolean> {
    if (!this.callable(route)) return false;
    const name = route.label;
    if (!(await this.budgets.tryTake(name, route.limits, this.clock.now()))) {
      this.events.budgetSpent(name);
      return false;
    }
    // Another caller may have started the half-open probe while this one waited for the slot.
    if (this.callable(route)) return true;
    this.budgets.giveBack(name);
    return false;
  }
  private async sendWithDeadline(provider: SmsProvider, message: SmsMessage): Promise<SendResult> {
    const controller = new AbortController();
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        controller.abort();
        reject(new ProviderError('timeout'));
      }, this.config.providerTimeoutMs);
    });
    try {
      return await Promise.race([provider.send(message, controller.signal), deadline]);
    } finally {
      clearTimeout(timer);
    }
  }
}

/** A route's name: the provider's for SMS, with the channel for voice and WhatsApp (TWILIO_VOICE). */
function routeLabel(provider: string, channel: Channel): string {
  return channel === 'sms' ? provider : `${provider}_${channel.toUpperCase()}`;
}

/** Send-log labels that are not providers: TEST marks a test number's send. */
const RESERVED_NAMES = ['TEST'];

/** Budgets, circuits and the send log key providers by name: two adapters may not share one. */
function assertDistinctNames(providers: SmsProvider[]): void {
  const seen = new Set<string>();
  for (const p of providers) {
    if (!PROVIDER_NAME.test(p.name))
      throw new ConfigError([
        `SMS provider name ${p.name.slice(0, 40)} must be 1 to 32 upper-case letters, digits or underscores`,
      ]);
    if (seen.has(p.name)) throw new ConfigError([`two SMS providers are named ${p.name}`]);
    if (RESERVED_NAMES.includes(p.name)) throw new ConfigError([`SMS provider name ${p.name} is reserved`]);
    seen.add(p.name);
  }
}

function toProviderError(err: unknown): ProviderError {
  if (err instanceof ProviderError) return err;
  if (err instanceof BrokenCircuitError) return new ProviderError('server', 'circuit_open');
  return new ProviderError('network');
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

/** Every provider that was tried refused this message (none was down): the send counts on the limits. */
function rejectionError(rejections: ProviderError[]): MfaError {
  return rejections.some((r) => r.reason === 'region')
    ? new MfaError('COUNTRY_NOT_ALLOWED', 'No SMS provider may send to this destination.')
    : new MfaError('PROVIDERS_UNAVAILABLE', 'No SMS provider accepted this message.', {
        retryAfterSeconds: UNAVAILABLE_RETRY_AFTER,
      });
}

function unavailable(): MfaError {
  return new MfaError('PROVIDERS_UNAVAILABLE', undefined, { retryAfterSeconds: UNAVAILABLE_RETRY_AFTER });
}
