"use strict";
var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.FactorsModule = void 0;
const common_1 = require("@nestjs/common");
const mfa_db_module_1 = require("../database/mfa-db.module");
const factor_removal_repository_1 = require("./factor-removal.repository");
const recovery_codes_repository_1 = require("./recovery/recovery-codes.repository");
const sms_factors_repository_1 = require("./sms/sms-factors.repository");
const totp_factors_repository_1 = require("./totp/totp-factors.repository");
let FactorsModule = class FactorsModule {
};
exports.FactorsModule = FactorsModule;
exports.FactorsModule = FactorsModule = __decorate([
    (0, common_1.Module)({
        imports: [mfa_db_module_1.MfaDbModule],
        providers: [sms_factors_repository_1.SmsFactorsRepository, totp_factors_repository_1.TotpFactorsRepository, recovery_codes_repository_1.RecoveryCodesRepository, factor_removal_repository_1.FactorRemovalRepository],
        exports: [sms_factors_repository_1.SmsFactorsRepository, totp_factors_repository_1.TotpFactorsRepository, recovery_codes_repository_1.RecoveryCodesRepository, factor_removal_repository_1.FactorRemovalRepository],
    })
], FactorsModule);
//# sourceMappingURL=factors.module.js.map