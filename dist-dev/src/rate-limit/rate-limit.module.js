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
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.RateLimitModule = exports.ThrottlerRedis = void 0;
const common_1 = require("@nestjs/common");
const throttler_1 = require("@nestjs/throttler");
const ioredis_1 = __importDefault(require("ioredis"));
const mfa_config_1 = require("../config/mfa-config");
const mfa_db_module_1 = require("../database/mfa-db.module");
const metrics_module_1 = require("../metrics/metrics.module");
const mfa_metrics_1 = require("../metrics/mfa-metrics");
const mfa_config_2 = require("../config/mfa-config");
const rate_limit_config_1 = require("./rate-limit.config");
const failure_runs_repository_1 = require("./failure-runs.repository");
const send_counters_repository_1 = require("./send-counters.repository");
const mfa_throttler_guard_1 = require("./mfa-throttler.guard");
const redis_throttler_storage_1 = require("./redis-throttler.storage");
let ThrottlerRedis = class ThrottlerRedis {
    client;
    storage;
    logger = new common_1.Logger('Redis');
    constructor(config, metrics) {
        if (!config.redisUrl)
            return;
        this.client = new ioredis_1.default(config.redisUrl, {
            enableOfflineQueue: false,
            maxRetriesPerRequest: 0,
            connectTimeout: 1000,
            commandTimeout: 500,
            retryStrategy: (times) => Math.min(times * 500, 5000),
        });
        let reported = false;
        this.client.on('error', (err) => {
            if (!reported)
                this.logger.warn(`Redis error: ${err.message}`);
            reported = true;
        });
        this.client.on('ready', () => (reported = false));
        metrics.redisUp.set(0);
        this.client.on('ready', () => metrics.redisUp.set(1));
        this.client.on('close', () => metrics.redisUp.set(0));
        this.storage = new redis_throttler_storage_1.RedisThrottlerStorage(this.client, (degraded) => {
            if (degraded)
                metrics.throttleFallbackTotal.inc();
        });
    }
    state() {
        if (!this.client)
            return 'unused';
        return this.client.status === 'ready' && !this.storage?.isDegraded ? 'up' : 'degraded';
    }
    async onApplicationShutdown() {
        this.storage?.shutdown();
        if (this.client?.status === 'ready')
            await this.client.quit().catch(() => undefined);
        else
            this.client?.disconnect();
    }
};
exports.ThrottlerRedis = ThrottlerRedis;
exports.ThrottlerRedis = ThrottlerRedis = __decorate([
    (0, common_1.Injectable)(),
    __param(0, (0, common_1.Inject)(mfa_config_1.MFA_CONFIG)),
    __metadata("design:paramtypes", [Object, mfa_metrics_1.MfaMetrics])
], ThrottlerRedis);
let ThrottlerRedisModule = class ThrottlerRedisModule {
};
ThrottlerRedisModule = __decorate([
    (0, common_1.Module)({
        imports: [metrics_module_1.MetricsModule],
        providers: [(0, mfa_config_2.configSlice)(rate_limit_config_1.RATE_LIMIT_CONFIG, rate_limit_config_1.RATE_LIMIT_CONFIG_KEYS), ThrottlerRedis],
        exports: [rate_limit_config_1.RATE_LIMIT_CONFIG, ThrottlerRedis],
    })
], ThrottlerRedisModule);
let RateLimitModule = class RateLimitModule {
};
exports.RateLimitModule = RateLimitModule;
exports.RateLimitModule = RateLimitModule = __decorate([
    (0, common_1.Module)({
        imports: [
            mfa_db_module_1.MfaDbModule,
            metrics_module_1.MetricsModule,
            ThrottlerRedisModule,
            throttler_1.ThrottlerModule.forRootAsync({
                imports: [ThrottlerRedisModule],
                inject: [mfa_config_1.MFA_CONFIG, ThrottlerRedis],
                useFactory: (config, redis) => ({
                    throttlers: [{ name: 'mfa', ttl: 60_000, limit: config.httpThrottlePerMinute }],
                    storage: redis.storage,
                }),
            }),
        ],
        providers: [
            mfa_throttler_guard_1.MfaThrottlerGuard,
            send_counters_repository_1.SendCountersRepository,
            failure_runs_repository_1.FailureRunsRepository,
        ],
        exports: [
            mfa_throttler_guard_1.MfaThrottlerGuard,
            throttler_1.ThrottlerModule,
            ThrottlerRedisModule,
            metrics_module_1.MetricsModule,
            send_counters_repository_1.SendCountersRepository,
            failure_runs_repository_1.FailureRunsRepository,
        ],
    })
], RateLimitModule);
//# sourceMappingURL=rate-limit.module.js.map