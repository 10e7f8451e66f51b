"use strict";
var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.AssuranceRoutesModule = exports.AssuranceModule = void 0;
const common_1 = require("@nestjs/common");
const mfa_config_1 = require("../config/mfa-config");
const assurance_config_1 = require("./assurance.config");
const auth_module_1 = require("../auth/auth.module");
const mfa_db_module_1 = require("../database/mfa-db.module");
const rate_limit_module_1 = require("../rate-limit/rate-limit.module");
const assurance_controller_1 = require("./assurance.controller");
const assurance_repository_1 = require("./assurance.repository");
const assurance_service_1 = require("./assurance.service");
const require_mfa_guard_1 = require("./require-mfa.guard");
let AssuranceModule = class AssuranceModule {
};
exports.AssuranceModule = AssuranceModule;
exports.AssuranceModule = AssuranceModule = __decorate([
    (0, common_1.Module)({
        imports: [mfa_db_module_1.MfaDbModule, auth_module_1.AuthModule],
        providers: [
            (0, mfa_config_1.configSlice)(assurance_config_1.ASSURANCE_CONFIG, assurance_config_1.ASSURANCE_CONFIG_KEYS),
            assurance_repository_1.AssuranceRepository,
            assurance_service_1.AssuranceService,
            require_mfa_guard_1.RequireMfaGuard,
            require_mfa_guard_1.RequireMfaInterceptor,
            require_mfa_guard_1.AdminMfaGuard,
        ],
        exports: [assurance_config_1.ASSURANCE_CONFIG, assurance_service_1.AssuranceService, assurance_repository_1.AssuranceRepository, require_mfa_guard_1.RequireMfaGuard, require_mfa_guard_1.RequireMfaInterceptor, require_mfa_guard_1.AdminMfaGuard, auth_module_1.AuthModule],
    })
], AssuranceModule);
let AssuranceRoutesModule = class AssuranceRoutesModule {
};
exports.AssuranceRoutesModule = AssuranceRoutesModule;
exports.AssuranceRoutesModule = AssuranceRoutesModule = __decorate([
    (0, common_1.Module)({ imports: [AssuranceModule, auth_module_1.AuthModule, rate_limit_module_1.RateLimitModule], controllers: [assurance_controller_1.AssuranceController] })
], AssuranceRoutesModule);
//# sourceMappingURL=assurance.module.js.map