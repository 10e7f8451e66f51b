import { type ThrottlerStorage } from '@nestjs/throttler';
import type { ThrottlerStorageRecord } from '@nestjs/throttler/dist/throttler-storage-record.interface';
import Redis from 'ioredis';
export declare class RedisThrottlerStorage implements ThrottlerStorage {
    private readonly redis;
    private readonly onFallback;
    private readonly prefix;
    private readonly logger;
    private readonly memory;
    private degraded;
    constructor(redis: Redis, onFallback?: (degraded: boolean) => void, prefix?: string);
    get isDegraded(): boolean;
    increment(key: string, ttl: number, limit: number, blockDuration: number, throttlerName: string): Promise<ThrottlerStorageRecord>;
    private fallback;
    shutdown(): void;
    private incrementInRedis;
}
