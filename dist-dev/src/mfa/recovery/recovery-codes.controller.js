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
exports.RecoveryCodesController = void 0;
const common_1 = require("@nestjs/common");
const swagger_1 = require("@nestjs/swagger");
const mfa_auth_guard_1 = require("../../auth/mfa-auth.guard");
const mfa_exception_filter_1 = require("../../common/mfa-exception.filter");
const validation_1 = require("../../common/validation");
const mfa_throttler_guard_1 = require("../../rate-limit/mfa-throttler.guard");
const dto_1 = require("../dto");
const mfa_service_1 = require("../mfa.service");
let RecoveryCodesController = class RecoveryCodesController {
    mfa;
    constructor(mfa) {
        this.mfa = mfa;
    }
    generate(user) {
        return this.mfa.generateRecoveryCodes(user);
    }
    async verify(user, body, ctx) {
        return { verified: true, ...(await this.mfa.verifyRecoveryCode(user, body.code, ctx)) };
    }
};
exports.RecoveryCodesController = RecoveryCodesController;
__decorate([
    (0, common_1.Post)(),
    (0, swagger_1.ApiCreatedResponse)({ description: '{ codes: string[10] } — shown this once; replaces the previous set. 403 STEP_UP_REQUIRED' }),
    __param(0, (0, mfa_auth_guard_1.CurrentUser)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object]),
    __metadata("design:returntype", void 0)
], RecoveryCodesController.prototype, "generate", null);
__decorate([
    (0, common_1.Post)('verify'),
    (0, common_1.HttpCode)(200),
    (0, swagger_1.ApiOkResponse)({ description: '{ verified: true, aal, methods, verifiedAt, expiresAt, remaining }' }),
    __param(0, (0, mfa_auth_guard_1.CurrentUser)()),
    __param(1, (0, common_1.Body)()),
    __param(2, (0, mfa_auth_guard_1.ClientContext)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, dto_1.RecoveryCodeDto, Object]),
    __metadata("design:returntype", Promise)
], RecoveryCodesController.prototype, "verify", null);
exports.RecoveryCodesController = RecoveryCodesController = __decorate([
    (0, swagger_1.ApiTags)('mfa: recovery codes'),
    (0, swagger_1.ApiBearerAuth)(),
    (0, swagger_1.ApiDefaultResponse)({ type: dto_1.ErrorResponse }),
    (0, common_1.UseGuards)(mfa_throttler_guard_1.MfaThrottlerGuard, mfa_auth_guard_1.MfaAuthGuard),
    (0, common_1.UseFilters)(mfa_exception_filter_1.MfaExceptionFilter),
    (0, common_1.UsePipes)((0, validation_1.createValidationPipe)()),
    (0, common_1.Controller)('mfa/recovery-codes'),
    __metadata("design:paramtypes", [mfa_service_1.MfaService])
], RecoveryCodesController);
//# sourceMappingURL=recovery-codes.controller.js.map