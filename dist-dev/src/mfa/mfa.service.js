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
Object.defineProperty(exports, "__esModule", { value: true });
exports.MfaService = void 0;
const common_1 = require("@nestjs/common");
const assurance_service_1 = require("../assurance/assurance.service");
const mfa_error_1 = require("../common/mfa-error");
const data_rights_service_1 = require("../privacy/data-rights.service");
const factors_service_1 = require("./factors.service");
const recovery_codes_service_1 = require("./recovery/recovery-codes.service");
const sms_factor_service_1 = require("./sms/sms-factor.service");
const totp_service_1 = require("./totp/totp.service");
const WRONG_CODE = new Set(['CODE_INVALID', 'CODE_EXPIRED', 'TOO_MANY_ATTEMPTS', 'NO_ACTIVE_CHALLENGE']);
let MfaService = class MfaService {
    sms;
    totp;
    recoveryCodes;
    factors;
    assurance;
    dataRights;
    constructor(sms, totp, recoveryCodes, factors, assurance, dataRights) {
        this.sms = sms;
        this.totp = totp;
        this.recoveryCodes = recoveryCodes;
        this.factors = factors;
        this.assurance = assurance;
        this.dataRights = dataRights;
    }
    enrollSms(user, phoneNumber, context = {}, channel) {
        return this.sms.enroll(user, phoneNumber, context, channel);
    }
    verifySmsEnrollment(user, code, context = {}) {
        return this.sms.verifyEnrollment(user, code, context);
    }
    initiateSmsVerification(user, phoneNumber, context = {}, channel) {
        return this.sms.challenge(user, phoneNumber, context, channel);
    }
    async verifySmsCode(user, code, context = {}) {
        try {
            await this.sms.verify(user, code, context);
            return true;
        }
        catch (err) {
            if (err instanceof mfa_error_1.MfaError && WRONG_CODE.has(err.code))
                return false;
            throw err;
        }
    }
    verifySmsCodeOrThrow(user, code, context = {}) {
        return this.sms.verify(user, code, context);
    }
    enrollTotp(user) {
        return this.totp.enroll(user);
    }
    async activateTotp(user, code) {
        const { factorId, assurance } = await this.totp.activate(user, code);
        return { factorId, verified: true, ...assurance };
    }
    async verifyTotp(user, code, context = {}) {
        return (await this.totp.verify(user, code, context)).assurance;
    }
    generateRecoveryCodes(user) {
        return this.recoveryCodes.regenerate(user);
    }
    verifyRecoveryCode(user, code, context = {}) {
        return this.recoveryCodes.verify(user, code, context);
    }
    getAssurance(user) {
        return this.assurance.get(user);
    }
    endSession(user) {
        return this.assurance.end(user);
    }
    listFactors(userId) {
        return this.factors.list(userId);
    }
    deleteFactor(user, factorId) {
        return this.factors.delete(user, factorId);
    }
    exportUserData(userId) {
        return this.dataRights.export(userId);
    }
    eraseUserData(userId) {
        return this.dataRights.erase(userId);
    }
};
exports.MfaService = MfaService;
exports.MfaService = MfaService = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [sms_factor_service_1.SmsFactorService,
        totp_service_1.TotpService,
        recovery_codes_service_1.RecoveryCodesService,
        factors_service_1.FactorsService,
        assurance_service_1.AssuranceService,
        data_rights_service_1.DataRightsService])
], MfaService);
//# sourceMappingURL=mfa.service.js.map