"use strict";
var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.FraudModule = void 0;
const common_1 = require("@nestjs/common");
const mfa_config_1 = require("../config/mfa-config");
const fraud_config_1 = require("./fraud.config");
const mfa_db_module_1 = require("../database/mfa-db.module");
const metrics_module_1 = require("../metrics/metrics.module");
const fraud_events_repository_1 = require("./fraud-events.repository");
const fraud_guard_service_1 = require("./fraud-guard.service");
const fraud_stats_repository_1 = require("./fraud-stats.repository");
let FraudModule = class FraudModule {
};
exports.FraudModule = FraudModule;
exports.FraudModule = FraudModule = __decorate([
    (0, common_1.Module)({
        imports: [mfa_db_module_1.MfaDbModule, metrics_module_1.MetricsModule],
        providers: [(0, mfa_config_1.configSlice)(fraud_config_1.FRAUD_CONFIG, fraud_config_1.FRAUD_CONFIG_KEYS), fraud_guard_service_1.FraudGuard, fraud_stats_repository_1.FraudStatsRepository, fraud_events_repository_1.FraudEventsRepository],
        exports: [fraud_guard_service_1.FraudGuard, fraud_events_repository_1.FraudEventsRepository],
    })
], FraudModule);
//# sourceMappingURL=fraud.module.js.map