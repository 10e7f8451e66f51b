import { OnApplicationShutdown } from '@nestjs/common';
import Redis from 'ioredis';
import { type MfaConfig } from '../config/mfa-config';
import { MfaMetrics } from '../metrics/mfa-metrics';
import { RedisThrottlerStorage } from './redis-throttler.storage';
export declare class ThrottlerRedis implements OnApplicationShutdown {
    readonly client?: Redis;
    readonly storage?: RedisThrottlerStorage;
    private readonly logger;
    constructor(config: MfaConfig, metrics: MfaMetrics);
    state(): 'unused' | 'up' | 'degraded';
    onApplicationShutdown(): Promise<void>;
}
export declare class RateLimitModule {
}
