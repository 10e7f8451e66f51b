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
exports.AdminSmsController = void 0;
const common_1 = require("@nestjs/common");
const swagger_1 = require("@nestjs/swagger");
const max_1 = require("libphonenumber-js/max");
const require_mfa_guard_1 = require("../assurance/require-mfa.guard");
const admin_guard_1 = require("../auth/admin.guard");
const mfa_auth_guard_1 = require("../auth/mfa-auth.guard");
const mfa_error_1 = require("../common/mfa-error");
const mfa_exception_filter_1 = require("../common/mfa-exception.filter");
const validation_1 = require("../common/validation");
const mfa_throttler_guard_1 = require("../rate-limit/mfa-throttler.guard");
const admin_service_1 = require("./admin.service");
const dto_1 = require("./dto");
function countryParam(raw) {
    const country = raw.toUpperCase();
    if (!/^[A-Z]{2}$/.test(country) || !(0, max_1.isSupportedCountry)(country)) {
        throw new mfa_error_1.MfaError('VALIDATION_FAILED', 'country must be an ISO 3166-1 alpha-2 code');
    }
    return country;
}
let AdminSmsController = class AdminSmsController {
    admin;
    constructor(admin) {
        this.admin = admin;
    }
    listCountryRules() {
        return this.admin.listCountryRules();
    }
    putCountryRule(country, body, admin) {
        return this.admin.putCountryRule(countryParam(country), body.action, body.reason ?? null, admin.id);
    }
    async deleteCountryRule(country, admin) {
        await this.admin.deleteCountryRule(countryParam(country), admin.id);
    }
    listFraudEvents(q) {
        return this.admin.listFraudEvents({ ...q, country: q.country?.toUpperCase(), limit: q.limit ?? 50 });
    }
    async resetVerifyLockout(userId) {
        await this.admin.resetLockouts(userId.slice(0, 200));
    }
};
exports.AdminSmsController = AdminSmsController;
__decorate([
    (0, common_1.Get)('country-rules'),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", []),
    __metadata("design:returntype", void 0)
], AdminSmsController.prototype, "listCountryRules", null);
__decorate([
    (0, common_1.Put)('country-rules/:country'),
    __param(0, (0, common_1.Param)('country')),
    __param(1, (0, common_1.Body)()),
    __param(2, (0, mfa_auth_guard_1.CurrentUser)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [String, dto_1.CountryRuleDto, Object]),
    __metadata("design:returntype", void 0)
], AdminSmsController.prototype, "putCountryRule", null);
__decorate([
    (0, common_1.Delete)('country-rules/:country'),
    (0, common_1.HttpCode)(204),
    __param(0, (0, common_1.Param)('country')),
    __param(1, (0, mfa_auth_guard_1.CurrentUser)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [String, Object]),
    __metadata("design:returntype", Promise)
], AdminSmsController.prototype, "deleteCountryRule", null);
__decorate([
    (0, common_1.Get)('fraud-events'),
    __param(0, (0, common_1.Query)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [dto_1.FraudEventsQuery]),
    __metadata("design:returntype", void 0)
], AdminSmsController.prototype, "listFraudEvents", null);
__decorate([
    (0, common_1.Delete)('verify-lockouts/:userId'),
    (0, common_1.HttpCode)(204),
    __param(0, (0, common_1.Param)('userId')),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [String]),
    __metadata("design:returntype", Promise)
], AdminSmsController.prototype, "resetVerifyLockout", null);
exports.AdminSmsController = AdminSmsController = __decorate([
    (0, swagger_1.ApiTags)('admin'),
    (0, swagger_1.ApiBearerAuth)(),
    (0, common_1.UseGuards)(mfa_throttler_guard_1.MfaThrottlerGuard, mfa_auth_guard_1.MfaAuthGuard, admin_guard_1.AdminGuard, require_mfa_guard_1.AdminMfaGuard),
    (0, common_1.UseFilters)(mfa_exception_filter_1.MfaExceptionFilter),
    (0, common_1.UsePipes)((0, validation_1.createValidationPipe)()),
    (0, common_1.Controller)('admin/sms'),
    __metadata("design:paramtypes", [admin_service_1.AdminService])
], AdminSmsController);
//# sourceMappingURL=admin-sms.controller.js.map