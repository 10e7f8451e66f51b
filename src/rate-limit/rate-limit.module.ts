import { Inject, Injectable, Logger, Module, OnApplicationShutdown } from '@nestjs/common';
import { ThrottlerModule } from '@nestjs/throttler';
import Redis from 'ioredis';
import { MfaDbModule } from '../database/mfa-db.module';
import { MetricsModule } from '../metrics/metrics.module';
import { MfaMetrics } from '../metrics/mfa-metrics';
import { configSlice } from '../config/settings';
import { RATE_LIMIT_CONFIG, RATE_LIMIT_CONFIG_KEYS, type RateLimitConfig } from './rate-limit.config';
import { FailureRunsRepository } from './failure-runs.repository';
import { SendCountersRepository } from './send-counters.repository';
import { MfaThrottlerGuard } from './mfa-throttler.guard';
import { RedisThrottlerStorage } from './redis-throttler.storage';

/**
 * The Redis connection of the throttler, when REDIS_URL is set; closed on
 * shutdown. Fail fast: no offline queue (a command while disconnected fails
 * at once), one try per command, a connect timeout, reconnection in the
 * background, and an error listener (no unhandled error events). While it is
 * down the storage counts in memory; readiness reports Redis as degraded.
 */
@Injectable()
export class ThrottlerRedis implements OnApplicationShutdown {
  readonly client?: Redis;
  readonly storage?: RedisThrottlerStorage;
  private readonly logger = new Logger('Redis');

  constructor(@Inject(RATE_LIMIT_CONFIG) config: RateLimitConfig, metrics: MfaMetrics) {
    if (!config.redisUrl) return;
    this.client = new Redis(config.redisUrl, {
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      connectTimeout: 1000,
      commandTimeout: 500,
      retryStrategy: (times) => Math.min(times * 500, 5000),
    });
    let reported = false;
    this.client.on('error', (err: Error) => {
      if (!reported) this.logger.warn(`Redis error: ${err.message}`);
      reported = true;
    });
    this.client.on('ready', () => (reported = false));
    metrics.redisUp.set(0);
    this.client.on('ready', () => metrics.redisUp.set(1));
    this.client.on('close', () => metrics.redisUp.set(0));
    this.storage = new RedisThrottlerStorage(this.client, (degraded) => {
      if (degraded) metrics.throttleFallbackTotal.inc();
    });
  }

  /** For readiness: Redis unset, reachable, or degraded (throttling in memory). */
  state(): 'unused' | 'up' | 'degraded' {
    if (!this.client) return 'unused';
    return this.client.status === 'ready' && !this.storage?.isDegraded ? 'up' : 'degraded';
  }

  async onApplicationShutdown(): Promise<void> {
    this.storage?.shutdown();
    if (this.client?.status === 'ready') await this.client.quit().catch(() => undefined);
    else this.client?.disconnect();
  }
}

@Module({
  imports: [MetricsModule],
  providers: [configSlice(RATE_LIMIT_CONFIG, RATE_LIMIT_CONFIG_KEYS), ThrottlerRedis],
  exports: [RATE_LIMIT_CONFIG, ThrottlerRedis],
})
class ThrottlerRedisModule {}

/**
 * Rate limiting: the HTTP throttle (memory or Redis), the send counters behind
 * the send limits, and the runs of wrong codes behind verification lockouts.
 */
@Module({
  imports: [
    MfaDbModule,
    MetricsModule,
    ThrottlerRedisModule,
    ThrottlerModule.forRootAsync({
      imports: [ThrottlerRedisModule],
      inject: [RATE_LIMIT_CONFIG, ThrottlerRedis],
      useFactory: (config: RateLimitConfig, redis: ThrottlerRedis) => ({
        throttlers: [{ name: 'mfa', ttl: 60_000, limit: config.httpThrottlePerMinute }],
        storage: redis.storage,
      }),
    }),
  ],
  providers: [
    MfaThrottlerGuard,
    SendCountersRepository,
    FailureRunsRepository,
  ],
  // MetricsModule too: controllers that use MfaThrottlerGuard instantiate it in their own module.
  exports: [
    MfaThrottlerGuard,
    ThrottlerModule,
    ThrottlerRedisModule,
    MetricsModule,
    SendCountersRepository,
    FailureRunsRepository,
  ],
})
export class RateLimitModule {}
