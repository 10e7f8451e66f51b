import { OnModuleDestroy } from '@nestjs/common';
import { Counter, Gauge, Histogram, Registry } from 'prom-client';
export declare class MfaMetrics implements OnModuleDestroy {
    readonly registry: Registry<"text/plain; version=0.0.4; charset=utf-8">;
    private counter;
    readonly sendTotal: Counter<"provider" | "status">;
    readonly failoverTotal: Counter<"from" | "to">;
    readonly deliverySeconds: Histogram<"provider">;
    readonly fallbackTotal: Counter<"result">;
    readonly feedbackTotal: Counter<"provider" | "result">;
    readonly costTotal: Counter<"provider" | "currency">;
    readonly spendUsdTotal: Counter<"country">;
    readonly fraudTriggersTotal: Counter<"rule">;
    readonly rateLimitedTotal: Counter<"limit">;
    readonly verifyTotal: Counter<"result">;
    readonly providerUp: Gauge<"provider">;
    readonly redisUp: Gauge<string>;
    readonly throttleFallbackTotal: Counter<string>;
    private readonly stopDefaults;
    constructor();
    onModuleDestroy(): void;
}
