"use strict";
var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.ChallengesModule = void 0;
const common_1 = require("@nestjs/common");
const mfa_config_1 = require("../config/mfa-config");
const challenges_config_1 = require("./challenges.config");
const mfa_db_module_1 = require("../database/mfa-db.module");
const metrics_module_1 = require("../metrics/metrics.module");
const rate_limit_module_1 = require("../rate-limit/rate-limit.module");
const challenge_service_1 = require("./challenge.service");
const challenges_repository_1 = require("./challenges.repository");
let ChallengesModule = class ChallengesModule {
};
exports.ChallengesModule = ChallengesModule;
exports.ChallengesModule = ChallengesModule = __decorate([
    (0, common_1.Module)({
        imports: [mfa_db_module_1.MfaDbModule, metrics_module_1.MetricsModule, rate_limit_module_1.RateLimitModule],
        providers: [(0, mfa_config_1.configSlice)(challenges_config_1.CHALLENGES_CONFIG, challenges_config_1.CHALLENGES_CONFIG_KEYS), challenges_repository_1.ChallengesRepository, challenge_service_1.ChallengeService],
        exports: [challenge_service_1.ChallengeService, challenges_repository_1.ChallengesRepository],
    })
], ChallengesModule);
//# sourceMappingURL=challenges.module.js.map