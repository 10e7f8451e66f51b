"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.RedisThrottlerStorage = void 0;
const common_1 = require("@nestjs/common");
const throttler_1 = require("@nestjs/throttler");
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
class RedisThrottlerStorage {
    redis;
    onFallback;
    prefix;
    logger = new common_1.Logger('RedisThrottler');
    memory = new throttler_1.ThrottlerStorageService();
    degraded = false;
    constructor(redis, onFallback = () => undefined, prefix = 'mfa:throttle:') {
        this.redis = redis;
        this.onFallback = onFallback;
        this.prefix = prefix;
        redis.defineCommand('mfaThrottle', { numberOfKeys: 2, lua: INCREMENT });
    }
    get isDegraded() {
        return this.degraded;
    }
    async increment(key, ttl, limit, blockDuration, throttlerName) {
        if (this.redis.status !== 'ready')
            return this.fallback(key, ttl, limit, blockDuration, throttlerName);
        try {
            const record = await this.incrementInRedis(key, ttl, limit, blockDuration, throttlerName);
            if (this.degraded) {
                this.degraded = false;
                this.onFallback(false);
                this.logger.log('Redis is back: HTTP throttling is shared again');
            }
            return record;
        }
        catch (err) {
            return this.fallback(key, ttl, limit, blockDuration, throttlerName, err);
        }
    }
    fallback(key, ttl, limit, blockDuration, name, err) {
        if (!this.degraded) {
            this.degraded = true;
            this.onFallback(true);
            this.logger.warn(`Redis unreachable (${err instanceof Error ? err.message : this.redis.status}): throttling in memory on this instance`);
        }
        return this.memory.increment(key, ttl, limit, blockDuration, name);
    }
    shutdown() {
        this.memory.onApplicationShutdown();
    }
    async incrementInRedis(key, ttl, limit, blockDuration, throttlerName) {
        const base = `${this.prefix}${throttlerName}:${key}`;
        const [hits, ttlMs, blockedMs] = (await this.redis.mfaThrottle(`${base}:hits`, `${base}:blocked`, ttl, limit, blockDuration));
        return {
            totalHits: hits,
            timeToExpire: Math.max(0, Math.ceil(ttlMs / 1000)),
            isBlocked: blockedMs > 0,
            timeToBlockExpire: Math.max(0, Math.ceil(blockedMs / 1000)),
        };
    }
}
exports.RedisThrottlerStorage = RedisThrottlerStorage;
//# sourceMappingURL=redis-throttler.storage.js.map