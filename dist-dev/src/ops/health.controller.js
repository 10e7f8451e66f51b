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
exports.HealthController = void 0;
const common_1 = require("@nestjs/common");
const swagger_1 = require("@nestjs/swagger");
const terminus_1 = require("@nestjs/terminus");
const typeorm_1 = require("@nestjs/typeorm");
const typeorm_2 = require("typeorm");
const data_source_1 = require("../database/data-source");
const sms_sender_service_1 = require("../sms/sms-sender.service");
const ops_access_guard_1 = require("./ops-access.guard");
const shutdown_drain_service_1 = require("./shutdown-drain.service");
const rate_limit_module_1 = require("../rate-limit/rate-limit.module");
const ops_config_1 = require("./ops.config");
const public_route_1 = require("../common/public-route");
let HealthController = class HealthController {
    drain;
    throttlerRedis;
    health;
    typeorm;
    indicators;
    sender;
    dataSource;
    config;
    constructor(drain, throttlerRedis, health, typeorm, indicators, sender, dataSource, config) {
        this.drain = drain;
        this.throttlerRedis = throttlerRedis;
        this.health = health;
        this.typeorm = typeorm;
        this.indicators = indicators;
        this.sender = sender;
        this.dataSource = dataSource;
        this.config = config;
    }
    live() {
        return { status: 'ok' };
    }
    async ready() {
        try {
            await this.check();
        }
        catch {
            throw new common_1.ServiceUnavailableException({ status: 'error' });
        }
        return { status: 'ok' };
    }
    check() {
        if (this.drain.isDraining)
            throw new common_1.ServiceUnavailableException({ status: 'shutting_down' });
        return this.health.check([
            () => this.typeorm.pingCheck('database', { connection: this.dataSource, timeout: 2000 }),
            () => this.providers(),
            () => this.redis(),
        ]);
    }
    redis() {
        return this.indicators.check('redis').up({ state: this.throttlerRedis.state() });
    }
    providers() {
        const states = this.sender.providerStates();
        const usable = states.some((p) => p.enabled && p.circuit !== 'open');
        return this.indicators.check('sms').up({ smsEnabled: this.config.smsEnabled, usable, providers: states });
    }
};
exports.HealthController = HealthController;
__decorate([
    (0, common_1.Get)('live'),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", []),
    __metadata("design:returntype", void 0)
], HealthController.prototype, "live", null);
__decorate([
    (0, common_1.Get)('ready'),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", []),
    __metadata("design:returntype", Promise)
], HealthController.prototype, "ready", null);
__decorate([
    (0, common_1.Get)(),
    (0, common_1.UseGuards)(ops_access_guard_1.OpsAccessGuard),
    (0, terminus_1.HealthCheck)(),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", []),
    __metadata("design:returntype", void 0)
], HealthController.prototype, "check", null);
exports.HealthController = HealthController = __decorate([
    (0, swagger_1.ApiTags)('ops'),
    (0, public_route_1.MfaPublicRoute)(),
    (0, common_1.Controller)('health'),
    __param(6, (0, typeorm_1.InjectDataSource)(data_source_1.MFA_DATA_SOURCE)),
    __param(7, (0, common_1.Inject)(ops_config_1.OPS_CONFIG)),
    __metadata("design:paramtypes", [shutdown_drain_service_1.ShutdownDrain,
        rate_limit_module_1.ThrottlerRedis,
        terminus_1.HealthCheckService,
        terminus_1.TypeOrmHealthIndicator,
        terminus_1.HealthIndicatorService,
        sms_sender_service_1.SmsSender,
        typeorm_2.DataSource, Object])
], HealthController);
//# sourceMappingURL=health.controller.js.map