"use strict";
var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
var OpsModule_1;
Object.defineProperty(exports, "__esModule", { value: true });
exports.OpsRoutesModule = exports.OpsModule = void 0;
const common_1 = require("@nestjs/common");
const schedule_1 = require("@nestjs/schedule");
const terminus_1 = require("@nestjs/terminus");
const assurance_module_1 = require("../assurance/assurance.module");
const challenges_module_1 = require("../challenges/challenges.module");
const mfa_db_module_1 = require("../database/mfa-db.module");
const fraud_module_1 = require("../fraud/fraud.module");
const metrics_module_1 = require("../metrics/metrics.module");
const rate_limit_module_1 = require("../rate-limit/rate-limit.module");
const sms_module_1 = require("../sms/sms.module");
const alerts_repository_1 = require("./alerts.repository");
const alerts_service_1 = require("./alerts.service");
const cleanup_service_1 = require("./cleanup.service");
const health_controller_1 = require("./health.controller");
const job_scheduler_1 = require("./job-scheduler");
const metrics_controller_1 = require("./metrics.controller");
const ops_access_guard_1 = require("./ops-access.guard");
const send_reaper_service_1 = require("./send-reaper.service");
const mfa_config_1 = require("../config/mfa-config");
const ops_config_1 = require("./ops.config");
const shutdown_drain_service_1 = require("./shutdown-drain.service");
let OpsModule = OpsModule_1 = class OpsModule {
    static register(jobs) {
        return {
            module: OpsModule_1,
            imports: [
                mfa_db_module_1.MfaDbModule,
                metrics_module_1.MetricsModule,
                sms_module_1.SmsModule,
                challenges_module_1.ChallengesModule,
                fraud_module_1.FraudModule,
                rate_limit_module_1.RateLimitModule,
                assurance_module_1.AssuranceModule,
                ...(jobs ? [schedule_1.ScheduleModule.forRoot()] : []),
            ],
            providers: [
                (0, mfa_config_1.configSlice)(ops_config_1.OPS_CONFIG, ops_config_1.OPS_CONFIG_KEYS),
                { provide: job_scheduler_1.MFA_JOBS, useValue: jobs },
                job_scheduler_1.JobScheduler,
                alerts_repository_1.AlertsRepository,
                cleanup_service_1.CleanupService,
                alerts_service_1.AlertsService,
                send_reaper_service_1.SendReaper,
            ],
            exports: [cleanup_service_1.CleanupService, alerts_service_1.AlertsService, send_reaper_service_1.SendReaper],
        };
    }
};
exports.OpsModule = OpsModule;
exports.OpsModule = OpsModule = OpsModule_1 = __decorate([
    (0, common_1.Module)({})
], OpsModule);
let OpsRoutesModule = class OpsRoutesModule {
};
exports.OpsRoutesModule = OpsRoutesModule;
exports.OpsRoutesModule = OpsRoutesModule = __decorate([
    (0, common_1.Module)({
        imports: [terminus_1.TerminusModule, metrics_module_1.MetricsModule, sms_module_1.SmsModule, rate_limit_module_1.RateLimitModule],
        providers: [(0, mfa_config_1.configSlice)(ops_config_1.OPS_CONFIG, ops_config_1.OPS_CONFIG_KEYS), shutdown_drain_service_1.ShutdownDrain, ops_access_guard_1.OpsAccessGuard],
        controllers: [health_controller_1.HealthController, metrics_controller_1.MetricsController],
        exports: [shutdown_drain_service_1.ShutdownDrain],
    })
], OpsRoutesModule);
//# sourceMappingURL=ops.module.js.map