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
exports.MfaFactorsController = void 0;
const common_1 = require("@nestjs/common");
const swagger_1 = require("@nestjs/swagger");
const mfa_auth_guard_1 = require("../auth/mfa-auth.guard");
const mfa_exception_filter_1 = require("../common/mfa-exception.filter");
const validation_1 = require("../common/validation");
const mfa_throttler_guard_1 = require("../rate-limit/mfa-throttler.guard");
const mfa_service_1 = require("./mfa.service");
let MfaFactorsController = class MfaFactorsController {
    mfa;
    constructor(mfa) {
        this.mfa = mfa;
    }
    list(user) {
        return this.mfa.listFactors(user.id);
    }
    async remove(user, id) {
        await this.mfa.deleteFactor(user, id);
    }
};
exports.MfaFactorsController = MfaFactorsController;
__decorate([
    (0, common_1.Get)(),
    (0, swagger_1.ApiOkResponse)({ description: '[{ id, type: "totp"|"sms"|"recovery_codes", maskedPhone?, verified?, remaining?, createdAt, lastUsedAt? }]' }),
    __param(0, (0, mfa_auth_guard_1.CurrentUser)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object]),
    __metadata("design:returntype", void 0)
], MfaFactorsController.prototype, "list", null);
__decorate([
    (0, common_1.Delete)(':id'),
    (0, common_1.HttpCode)(204),
    (0, swagger_1.ApiNoContentResponse)({ description: 'Removed; 403 STEP_UP_REQUIRED without a recent second factor in this session.' }),
    __param(0, (0, mfa_auth_guard_1.CurrentUser)()),
    __param(1, (0, common_1.Param)('id', new common_1.ParseUUIDPipe())),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, String]),
    __metadata("design:returntype", Promise)
], MfaFactorsController.prototype, "remove", null);
exports.MfaFactorsController = MfaFactorsController = __decorate([
    (0, swagger_1.ApiTags)('mfa: factors'),
    (0, swagger_1.ApiBearerAuth)(),
    (0, common_1.UseGuards)(mfa_throttler_guard_1.MfaThrottlerGuard, mfa_auth_guard_1.MfaAuthGuard),
    (0, common_1.UseFilters)(mfa_exception_filter_1.MfaExceptionFilter),
    (0, common_1.UsePipes)((0, validation_1.createValidationPipe)()),
    (0, common_1.Controller)('mfa/factors'),
    __metadata("design:paramtypes", [mfa_service_1.MfaService])
], MfaFactorsController);
//# sourceMappingURL=mfa-factors.controller.js.map