import { Inject, Injectable, Module, OnApplicationShutdown } from '@nestjs/common';
import { ThrottlerModule } from '@nestjs/throttler';
import Redis from 'ioredis';
import { MFA_CONFIG, type MfaConfig } from '../config/mfa-config';
import { MfaThrottlerGuard } from './mfa-throttler.guard';
import { RedisThrottlerStorage } from './redis-throttler.storage';

/** The Redis connection of the throttler, when REDIS_URL is set; closed on shutdown. */
@Injectable()
export class ThrottlerRedis implements OnApplicationShutdown {
  readonly client?: Redis;

  constructor(@Inject(MFA_CONFIG) config: MfaConfig) {
    if (config.redisUrl) this.client = new Redis(config.redisUrl, { maxRetriesPerRequest: 2, lazyConnect: false });
  }

  async onApplicationShutdown(): Promise<void> {
    await this.client?.quit().catch(() => undefined);
  }
}

@Module({ providers: [ThrottlerRedis], exports: [ThrottlerRedis] })
class ThrottlerRedisModule {}

@Module({
  imports: [
    ThrottlerModule.forRootAsync({
      imports: [ThrottlerRedisModule],
      inject: [MFA_CONFIG, ThrottlerRedis],
      useFactory: (config: MfaConfig, redis: ThrottlerRedis) => ({
        throttlers: [{ name: 'mfa', ttl: 60_000, limit: config.httpThrottlePerMinute }],
        storage: redis.client ? new RedisThrottlerStorage(redis.client) : undefined,
      }),
    }),
  ],
  providers: [MfaThrottlerGuard],
  exports: [MfaThrottlerGuard, ThrottlerModule],
})
export class RateLimitModule {}
