import { Logger } from '@nestjs/common';
import { ThrottlerStorageService, type ThrottlerStorage } from '@nestjs/throttler';
import type { ThrottlerStorageRecord } from '@nestjs/throttler/dist/throttler-storage-record.interface';
import Redis from 'ioredis';

/**
 * One atomic script per request: count the hit in a window that expires after
 * `ttl`, and once past `limit` set a block key for `blockDuration`. Returns
 * hits, the window's and the block's remaining milliseconds.
 */
const INCREMENT = `
local hits = redis.call('INCR', KEYS[1])
if hits == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
local ttl = redis.call('PTTL', KEYS[1])
local blocked = redis.call('PTTL', KEYS[2])
if blocked <= 0 and hits > tonumber(ARGV[2]) then
  redis.call('SET', KEYS[2], '1', 'PX', ARGV[3])
  blocked = tonumber(ARGV[3])
end
return { hits, ttl, blocked }
`;

/**
 * @nestjs/throttler storage shared by every instance through Redis
 * (REDIS_URL). Redis is a helper, never a single point of failure: while it is
 * unreachable (not connected, or a command fails) each instance counts in
 * memory, with one warning per outage and `onFallback` told (a metric).
 */
export class RedisThrottlerStorage implements ThrottlerStorage {
  private readonly logger = new Logger('RedisThrottler');
  private readonly memory = new ThrottlerStorageService();
  private degraded = false;

  constructor(
    private readonly redis: Redis,
    private readonly onFallback: (degraded: boolean) => void = () => undefined,
    private readonly prefix = 'mfa:throttle:',
  ) {
    redis.defineCommand('mfaThrottle', { numberOfKeys: 2, lua: INCREMENT });
  }

  /** True while requests are counted in memory because Redis is unreachable. */
  get isDegraded(): boolean {
    return this.degraded;
  }

  async increment(key: string, ttl: number, limit: number, blockDuration: number, throttlerName: string): Promise<ThrottlerStorageRecord> {
    if (this.redis.status !== 'ready') return this.fallback(key, ttl, limit, blockDuration, throttlerName);
    try {
      const record = await this.incrementInRedis(key, ttl, limit, blockDuration, throttlerName);
      if (this.degraded) {
        this.degraded = false;
        this.onFallback(false);
        this.logger.log('Redis is back: HTTP throttling is shared again');
      }
      return record;
    } catch (err) {
      return this.fallback(key, ttl, limit, blockDuration, throttlerName, err);
    }
  }

  private fallback(key: string, ttl: number, limit: number, blockDuration: number, name: string, err?: unknown) {
    if (!this.degraded) {
      this.degraded = true;
      this.onFallback(true);
      this.logger.warn(`Redis unreachable (${err instanceof Error ? err.message : this.redis.status}): throttling in memory on this instance`);
    }
    return this.memory.increment(key, ttl, limit, blockDuration, name);
  }

  shutdown(): void {
    this.memory.onApplicationShutdown();
  }

  private async incrementInRedis(key: string, ttl: number, limit: number, blockDuration: number, throttlerName: string): Promise<ThrottlerStorageRecord> {
    const base = `${this.prefix}${throttlerName}:${key}`;
    const [hits, ttlMs, blockedMs] = (await (this.redis as Redis & {
      mfaThrottle(k1: string, k2: string, ttl: number, limit: number, block: number): Promise<number[]>;
    }).mfaThrottle(`${base}:hits`, `${base}:blocked`, ttl, limit, blockDuration)) as number[];
    return {
      totalHits: hits,
      timeToExpire: Math.max(0, Math.ceil(ttlMs / 1000)),
      isBlocked: blockedMs > 0,
      timeToBlockExpire: Math.max(0, Math.ceil(blockedMs / 1000)),
    };
  }
}
