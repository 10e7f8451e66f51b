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
exports.FactorsService = void 0;
const common_1 = require("@nestjs/common");
const assurance_service_1 = require("../assurance/assurance.service");
const clock_1 = require("../common/clock");
const mfa_error_1 = require("../common/mfa-error");
const mfa_config_1 = require("./mfa.config");
const mask_1 = require("../phone/mask");
const factor_removal_repository_1 = require("./factor-removal.repository");
const recovery_codes_repository_1 = require("./recovery/recovery-codes.repository");
const sms_factors_repository_1 = require("./sms/sms-factors.repository");
const totp_factors_repository_1 = require("./totp/totp-factors.repository");
let FactorsService = class FactorsService {
    config;
    clock;
    sms;
    totp;
    recoveryCodes;
    removal;
    assurance;
    constructor(config, clock, sms, totp, recoveryCodes, removal, assurance) {
        this.config = config;
        this.clock = clock;
        this.sms = sms;
        this.totp = totp;
        this.recoveryCodes = recoveryCodes;
        this.removal = removal;
        this.assurance = assurance;
    }
    async list(userId) {
        const [sms, totp, recovery] = await Promise.all([
            this.sms.list(userId),
            this.totp.list(userId),
            this.recoveryCodes.list(userId),
        ]);
        const views = [
            ...recovery.map((set) => ({
                id: set.id,
                type: 'recovery_codes',
                remaining: set.remaining,
                createdAt: set.createdAt,
            })),
            ...totp.map((f) => ({ id: f.id, type: 'totp', ...used(f) })),
            ...sms.map((f) => ({ id: f.id, type: 'sms', maskedPhone: (0, mask_1.maskPhone)(f.phoneE164), ...used(f) })),
        ];
        return views.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
    }
    async delete(user, factorId) {
        const now = this.clock.now();
        await this.assurance.requireStepUp(user, now);
        const outcome = await this.removal.remove(user.id, factorId, this.assurance.stepUpCheck(user, now), now, this.config.allowRemovingLastFactor);
        if (outcome === 'not_found')
            throw new mfa_error_1.MfaError('NOT_FOUND', 'No such factor.');
        if (outcome === 'step_up_required')
            throw await this.assurance.stepUpRefused(user);
        if (outcome === 'last_factor')
            throw new mfa_error_1.MfaError('LAST_FACTOR');
    }
};
exports.FactorsService = FactorsService;
exports.FactorsService = FactorsService = __decorate([
    (0, common_1.Injectable)(),
    __param(0, (0, common_1.Inject)(mfa_config_1.MFA_FACTORS_CONFIG)),
    __param(1, (0, common_1.Inject)(clock_1.Clock)),
    __metadata("design:paramtypes", [Object, Object, sms_factors_repository_1.SmsFactorsRepository,
        totp_factors_repository_1.TotpFactorsRepository,
        recovery_codes_repository_1.RecoveryCodesRepository,
        factor_removal_repository_1.FactorRemovalRepository,
        assurance_service_1.AssuranceService])
], FactorsService);
function used(f) {
    return { verified: f.verifiedAt !== undefined, createdAt: f.createdAt, lastUsedAt: f.lastUsedAt ?? null };
}
//# sourceMappingURL=factors.service.js.map