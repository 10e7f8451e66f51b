"use strict";
var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.PrivacyRoutesModule = exports.PrivacyModule = void 0;
const common_1 = require("@nestjs/common");
const assurance_module_1 = require("../assurance/assurance.module");
const auth_module_1 = require("../auth/auth.module");
const challenges_module_1 = require("../challenges/challenges.module");
const mfa_db_module_1 = require("../database/mfa-db.module");
const fraud_module_1 = require("../fraud/fraud.module");
const factors_module_1 = require("../mfa/factors.module");
const sms_module_1 = require("../sms/sms.module");
const rate_limit_module_1 = require("../rate-limit/rate-limit.module");
const data_rights_controller_1 = require("./data-rights.controller");
const data_rights_service_1 = require("./data-rights.service");
let PrivacyModule = class PrivacyModule {
};
exports.PrivacyModule = PrivacyModule;
exports.PrivacyModule = PrivacyModule = __decorate([
    (0, common_1.Module)({
        imports: [mfa_db_module_1.MfaDbModule, factors_module_1.FactorsModule, challenges_module_1.ChallengesModule, sms_module_1.SmsModule, fraud_module_1.FraudModule, rate_limit_module_1.RateLimitModule, assurance_module_1.AssuranceModule],
        providers: [data_rights_service_1.DataRightsService],
        exports: [data_rights_service_1.DataRightsService],
    })
], PrivacyModule);
let PrivacyRoutesModule = class PrivacyRoutesModule {
};
exports.PrivacyRoutesModule = PrivacyRoutesModule;
exports.PrivacyRoutesModule = PrivacyRoutesModule = __decorate([
    (0, common_1.Module)({ imports: [PrivacyModule, auth_module_1.AuthModule, assurance_module_1.AssuranceModule, rate_limit_module_1.RateLimitModule], controllers: [data_rights_controller_1.DataRightsController] })
], PrivacyRoutesModule);
//# sourceMappingURL=privacy.module.js.map