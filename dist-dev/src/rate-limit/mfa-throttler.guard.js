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
exports.MfaThrottlerGuard = void 0;
const common_1 = require("@nestjs/common");
const core_1 = require("@nestjs/core");
const throttler_1 = require("@nestjs/throttler");
const client_ip_1 = require("../common/client-ip");
const mfa_error_1 = require("../common/mfa-error");
const rate_limit_config_1 = require("./rate-limit.config");
const mfa_metrics_1 = require("../metrics/mfa-metrics");
let MfaThrottlerGuard = class MfaThrottlerGuard extends throttler_1.ThrottlerGuard {
    metrics;
    config;
    constructor(options, storage, reflector, metrics, config) {
        super(options, storage, reflector);
        this.metrics = metrics;
        this.config = config;
    }
    async getTracker(req) {
        return (0, client_ip_1.clientKey)(req.ip, this.config.ipv6SubnetPrefix) ?? 'unknown';
    }
    async throwThrottlingException(_context, detail) {
        this.metrics.rateLimitedTotal.inc({ limit: 'http' });
        throw new mfa_error_1.MfaError('RATE_LIMITED', 'Too many requests from this address: slow down.', {
            limit: 'http',
            retryAfterSeconds: Math.max(1, detail.timeToBlockExpire || detail.timeToExpire),
        });
    }
};
exports.MfaThrottlerGuard = MfaThrottlerGuard;
exports.MfaThrottlerGuard = MfaThrottlerGuard = __decorate([
    (0, common_1.Injectable)(),
    __param(0, (0, throttler_1.InjectThrottlerOptions)()),
    __param(1, (0, throttler_1.InjectThrottlerStorage)()),
    __param(4, (0, common_1.Inject)(rate_limit_config_1.RATE_LIMIT_CONFIG)),
    __metadata("design:paramtypes", [Object, Object, core_1.Reflector,
        mfa_metrics_1.MfaMetrics, Object])
], MfaThrottlerGuard);
//# sourceMappingURL=mfa-throttler.guard.js.map