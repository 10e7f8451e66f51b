"use strict";
var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
var __metadata = (this && this.__metadata) || function (k, v) {
    if (typeof Reflect === "object" && typeof Reflect.metadata === "function") return Reflect.metadata(k, v);
};
var __param = (this && this.__param) || function (paramIndex, decorator) {
    return function (target, key) { decorator(target, key, paramIndex); }
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.SmsSender = exports.DeliveryFailed = void 0;
const common_1 = require("@nestjs/common");
const cockatiel_1 = require("cockatiel");
const clock_1 = require("../common/clock");
const mfa_error_1 = require("../common/mfa-error");
const mfa_config_1 = require("../config/mfa-config");
const sms_config_1 = require("./sms.config");
const mask_1 = require("../phone/mask");
const price_book_1 = require("./pricing/price-book");
const provider_budgets_1 = require("./provider-budgets");
const send_log_repository_1 = require("./send-log.repository");
const sms_provider_1 = require("./providers/sms-provider");
const sms_events_1 = require("./sms-events");
class DeliveryFailed extends Error {
    error;
    refund;
    constructor(error, refund) {
        super(error.message);
        this.error = error;
        this.refund = refund;
        this.name = 'DeliveryFailed';
    }
}
exports.DeliveryFailed = DeliveryFailed;
const ACCEPTED_WRITE_TRIES = 3;
const UNAVAILABLE_RETRY_AFTER = 30;
const CIRCUIT_NAMES = {
    [cockatiel_1.CircuitState.Closed]: 'closed',
    [cockatiel_1.CircuitState.Open]: 'open',
    [cockatiel_1.CircuitState.HalfOpen]: 'half-open',
    [cockatiel_1.CircuitState.Isolated]: 'open',
};
let SmsSender = class SmsSender {
    config;
    clock;
    sendLog;
    budgets;
    events;
    prices;
    logger = new common_1.Logger('SmsSender');
    all;
    routes;
    costOrder = new Map();
    constructor(providers, config, clock, sendLog, budgets, events, prices) {
        this.config = config;
        this.clock = clock;
        this.sendLog = sendLog;
        this.budgets = budgets;
        this.events = events;
        this.prices = prices;
        assertDistinctNames(providers);
        this.all = [...providers].sort((a, b) => this.limits(a.name).priority - this.limits(b.name).priority);
        const wanted = new Set([...config.channels, ...(config.voiceFallback ? ['voice'] : [])]);
        this.routes = this.all
            .filter((p) => p.enabled)
            .flatMap((provider) => (0, sms_provider_1.channelsOf)(provider).filter((c) => wanted.has(c)).map((channel) => ({ provider, channel })))
            .map(({ provider, channel }) => ({
            provider,
            channel,
            label: routeLabel(provider.name, channel),
            limits: this.routeLimits(provider.name, channel),
            breaker: (0, cockatiel_1.circuitBreaker)((0, cockatiel_1.handleWhen)((e) => e instanceof sms_provider_1.ProviderError && e.kind === 'transient'), {
                halfOpenAfter: 0,
                breaker: new cockatiel_1.ConsecutiveBreaker(config.circuitFailureThreshold),
            }),
        }));
        for (const route of this.routes) {
            route.breaker.onStateChange((state) => {
                if (state === cockatiel_1.CircuitState.Open)
                    route.openedAt = this.clock.now().getTime();
                this.events.circuitChanged(route.label, CIRCUIT_NAMES[state]);
            });
        }
        for (const p of this.all)
            this.events.providerReady(p.name, p.enabled);
        for (const channel of wanted) {
            if (channel !== 'sms' && !this.routes.some((r) => r.channel === channel)) {
                throw new mfa_config_1.ConfigError([
                    channel === 'voice' && !config.channels.includes('voice')
                        ? 'SMS_VOICE_FALLBACK=true needs an enabled provider that serves voice (Twilio with TWILIO_FROM_NUMBER, AWS_EUM with an origination identity)'
                        : `SMS_CHANNELS includes ${channel}, but no enabled provider serves it`,
                ]);
            }
        }
    }
    providerStates() {
        return this.all.map((p) => {
            const routes = this.routes.filter((r) => r.provider === p);
            return {
                name: p.name,
                enabled: p.enabled,
                priority: this.limits(p.name).priority,
                circuit: CIRCUIT_NAMES[routes[0]?.breaker.state ?? cockatiel_1.CircuitState.Closed],
                channels: Object.fromEntries(routes.map((r) => [r.channel, CIRCUIT_NAMES[r.breaker.state]])),
            };
        });
    }
    limits(name) {
        return this.config.providers[name] ?? mfa_config_1.HOST_PROVIDER_DEFAULTS;
    }
    routeLimits(provider, channel) {
        const own = this.config.providers[routeLabel(provider, channel)];
        const limits = this.limits(provider);
        if (own || channel === 'sms')
            return own ?? limits;
        const tenth = (n) => Math.max(1, Math.floor(n / 10));
        return { ...limits, maxPerMinute: tenth(limits.maxPerMinute), maxPerHour: tenth(limits.maxPerHour), maxPerDay: tenth(limits.maxPerDay) };
    }
    priceLabels(channel) {
        return this.routes.filter((r) => r.channel === channel).map((r) => r.label);
    }
    order(country, channel) {
        const key = `${channel}:${country ?? ''}`;
        let ordered = this.costOrder.get(key);
        if (!ordered) {
            ordered = this.routes.filter((r) => r.channel === channel);
            if (this.config.routing === 'cost') {
                ordered.sort((a, b) => this.prices.price(a.label, country) - this.prices.price(b.label, country));
            }
            this.costOrder.set(key, ordered);
        }
        return ordered;
    }
    firstCandidate(country, channel = 'sms') {
        const route = this.order(country, channel).find((r) => this.callable(r));
        if (!route)
            throw unavailable();
        return route.provider.name;
    }
    async deliver(outgoing, ctx) {
        let attempt = 0;
        let previous;
        let unusedRow = ctx.firstAttempt;
        let providerDown = false;
        const rejections = [];
        const routes = this.order(ctx.country, outgoing.channel);
        for (let index = 0; index < routes.length; index++) {
            const route = routes[index];
            if (!(await this.take(route)))
                continue;
            attempt += 1;
            if (previous)
                this.events.failedOver(previous, route.label);
            let attemptId;
            if (unusedRow) {
                attemptId = unusedRow.attemptId;
                if (unusedRow.provider !== route.provider.name)
                    await this.sendLog.reassign(attemptId, route.provider.name);
                unusedRow = undefined;
            }
            else {
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
            let result;
            try {
                result = await route.breaker.execute(() => this.sendWithDeadline(route.provider, message));
            }
            catch (err) {
                const failure = toProviderError(err);
                const next = failure.kind === 'permanent' ? undefined : routes[index + 1]?.provider.name;
                await this.sendLog.failed(attemptId, failure, Math.round(performance.now() - started), next);
                this.events.failed(route.label, failure);
                this.logger.warn(`${route.provider.name} failed for ${(0, mask_1.maskPhone)(outgoing.to)}: ${failure.message}`);
                if (failure.kind === 'permanent')
                    throw new DeliveryFailed(toNumberError(failure), false);
                if (failure.kind === 'transient')
                    providerDown = true;
                else
                    rejections.push(failure);
                previous = route.label;
                continue;
            }
            const latency = Math.round(performance.now() - started);
            const estimate = this.prices.estimate(route.label, ctx.country, result.segments ?? ctx.segments);
            await this.recordAccepted(route.label, attemptId, { segments: ctx.segments, ...result }, latency, ctx.encoding, estimate);
            this.events.sent(route.label, result);
            const reported = result.price !== undefined && (result.currency ?? 'USD').toUpperCase() === 'USD' ? result.price : undefined;
            return { provider: route.provider.name, channel: route.channel, attempts: attempt, result, costUsd: reported ?? estimate };
        }
        if (unusedRow)
            await this.sendLog.failed(unusedRow.attemptId, new sms_provider_1.ProviderError('server', 'no_provider'), 0);
        if (rejections.length && !providerDown)
            throw new DeliveryFailed(rejectionError(rejections), false);
        throw new DeliveryFailed(unavailable(), true);
    }
    async recordAccepted(provider, id, result, latency, encoding, estimate) {
        for (let attempt = 1;; attempt++) {
            try {
                return await this.sendLog.accepted(id, result, latency, encoding, estimate);
            }
            catch (err) {
                if (attempt >= ACCEPTED_WRITE_TRIES) {
                    this.events.acceptanceUnrecorded(provider);
                    this.logger.error(`a delivered message's acceptance could not be recorded (left for the reaper): ${err.message}`);
                    return;
                }
                await new Promise((resolve) => setTimeout(resolve, 50 * 4 ** (attempt - 1)));
            }
        }
    }
    callable(route) {
        const state = route.breaker.state;
        if (state === cockatiel_1.CircuitState.HalfOpen || state === cockatiel_1.CircuitState.Isolated)
            return false;
        return (state !== cockatiel_1.CircuitState.Open || this.clock.now().getTime() - (route.openedAt ?? 0) >= this.config.circuitHalfOpenMs);
    }
    async take(route) {
        if (!this.callable(route))
            return false;
        const name = route.label;
        if (!(await this.budgets.tryTake(name, route.limits, this.clock.now()))) {
            this.events.budgetSpent(name);
            return false;
        }
        if (this.callable(route))
            return true;
        this.budgets.giveBack(name);
        return false;
    }
    async sendWithDeadline(provider, message) {
        const controller = new AbortController();
        let timer;
        const deadline = new Promise((_, reject) => {
            timer = setTimeout(() => {
                controller.abort();
                reject(new sms_provider_1.ProviderError('timeout'));
            }, this.config.providerTimeoutMs);
        });
        try {
            return await Promise.race([provider.send(message, controller.signal), deadline]);
        }
        finally {
            clearTimeout(timer);
        }
    }
};
exports.SmsSender = SmsSender;
exports.SmsSender = SmsSender = __decorate([
    (0, common_1.Injectable)(),
    __param(0, (0, common_1.Inject)(sms_provider_1.SMS_PROVIDERS)),
    __param(1, (0, common_1.Inject)(sms_config_1.SMS_CONFIG)),
    __param(2, (0, common_1.Inject)(clock_1.Clock)),
    __metadata("design:paramtypes", [Array, Object, Object, send_log_repository_1.SendLogRepository,
        provider_budgets_1.ProviderBudgets,
        sms_events_1.SmsEvents,
        price_book_1.PriceBook])
], SmsSender);
function routeLabel(provider, channel) {
    return channel === 'sms' ? provider : `${provider}_${channel.toUpperCase()}`;
}
const RESERVED_NAMES = ['TEST'];
function assertDistinctNames(providers) {
    const seen = new Set();
    for (const p of providers) {
        if (!mfa_config_1.PROVIDER_NAME.test(p.name))
            throw new mfa_config_1.ConfigError([
                `SMS provider name ${p.name.slice(0, 40)} must be 1 to 32 upper-case letters, digits or underscores`,
            ]);
        if (seen.has(p.name))
            throw new mfa_config_1.ConfigError([`two SMS providers are named ${p.name}`]);
        if (RESERVED_NAMES.includes(p.name))
            throw new mfa_config_1.ConfigError([`SMS provider name ${p.name} is reserved`]);
        seen.add(p.name);
    }
}
function toProviderError(err) {
    if (err instanceof sms_provider_1.ProviderError)
        return err;
    if (err instanceof cockatiel_1.BrokenCircuitError)
        return new sms_provider_1.ProviderError('server', 'circuit_open');
    return new sms_provider_1.ProviderError('network');
}
function toNumberError(failure) {
    switch (failure.reason) {
        case 'opted_out':
            return new mfa_error_1.MfaError('PHONE_OPTED_OUT');
        case 'invalid_number':
        case 'not_mobile':
            return new mfa_error_1.MfaError('INVALID_PHONE');
        default:
            return unavailable();
    }
}
function rejectionError(rejections) {
    return rejections.some((r) => r.reason === 'region')
        ? new mfa_error_1.MfaError('COUNTRY_NOT_ALLOWED', 'No SMS provider may send to this destination.')
        : new mfa_error_1.MfaError('PROVIDERS_UNAVAILABLE', 'No SMS provider accepted this message.', {
            retryAfterSeconds: UNAVAILABLE_RETRY_AFTER,
        });
}
function unavailable() {
    return new mfa_error_1.MfaError('PROVIDERS_UNAVAILABLE', undefined, { retryAfterSeconds: UNAVAILABLE_RETRY_AFTER });
}
//# sourceMappingURL=sms-sender.service.js.map