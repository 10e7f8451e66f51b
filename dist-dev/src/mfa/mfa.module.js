"use strict";
var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.MfaRoutesModule = exports.MfaModule = void 0;
const common_1 = require("@nestjs/common");
const mfa_config_1 = require("../config/mfa-config");
const mfa_config_2 = require("./mfa.config");
const assurance_module_1 = require("../assurance/assurance.module");
const auth_module_1 = require("../auth/auth.module");
const challenges_module_1 = require("../challenges/challenges.module");
const mfa_db_module_1 = require("../database/mfa-db.module");
const fraud_module_1 = require("../fraud/fraud.module");
const metrics_module_1 = require("../metrics/metrics.module");
const phone_module_1 = require("../phone/phone.module");
const privacy_module_1 = require("../privacy/privacy.module");
const rate_limit_module_1 = require("../rate-limit/rate-limit.module");
const sms_module_1 = require("../sms/sms.module");
const factors_module_1 = require("./factors.module");
const mfa_factors_controller_1 = require("./mfa-factors.controller");
const mfa_events_1 = require("../common/mfa-events");
const sms_controller_1 = require("./sms/sms.controller");
const mfa_totp_controller_1 = require("./mfa-totp.controller");
const mfa_service_1 = require("./mfa.service");
const recovery_codes_controller_1 = require("./recovery/recovery-codes.controller");
const recovery_codes_service_1 = require("./recovery/recovery-codes.service");
const factors_service_1 = require("./factors.service");
const sms_factor_service_1 = require("./sms/sms-factor.service");
const totp_service_1 = require("./totp/totp.service");
let MfaModule = class MfaModule {
};
exports.MfaModule = MfaModule;
exports.MfaModule = MfaModule = __decorate([
    (0, common_1.Module)({
        imports: [
            mfa_db_module_1.MfaDbModule,
            metrics_module_1.MetricsModule,
            mfa_events_1.MfaEventsModule,
            factors_module_1.FactorsModule,
            sms_module_1.SmsModule,
            challenges_module_1.ChallengesModule,
            fraud_module_1.FraudModule,
            phone_module_1.PhoneModule,
            assurance_module_1.AssuranceModule,
            rate_limit_module_1.RateLimitModule,
            privacy_module_1.PrivacyModule,
        ],
        providers: [
            (0, mfa_config_1.configSlice)(mfa_config_2.MFA_FACTORS_CONFIG, mfa_config_2.MFA_FACTORS_CONFIG_KEYS),
            mfa_service_1.MfaService,
            sms_factor_service_1.SmsFactorService,
            factors_service_1.FactorsService,
            totp_service_1.TotpService,
            recovery_codes_service_1.RecoveryCodesService,
        ],
        exports: [mfa_service_1.MfaService],
    })
], MfaModule);
let MfaRoutesModule = class MfaRoutesModule {
};
exports.MfaRoutesModule = MfaRoutesModule;
exports.MfaRoutesModule = MfaRoutesModule = __decorate([
    (0, common_1.Module)({
        imports: [MfaModule, auth_module_1.AuthModule, rate_limit_module_1.RateLimitModule],
        controllers: [sms_controller_1.MfaSmsController, mfa_totp_controller_1.MfaTotpController, mfa_factors_controller_1.MfaFactorsController, recovery_codes_controller_1.RecoveryCodesController],
    })
], MfaRoutesModule);
//# sourceMappingURL=mfa.module.js.map