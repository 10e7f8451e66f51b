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
exports.MfaTotpController = void 0;
const common_1 = require("@nestjs/common");
const swagger_1 = require("@nestjs/swagger");
const mfa_auth_guard_1 = require("../auth/mfa-auth.guard");
const mfa_exception_filter_1 = require("../common/mfa-exception.filter");
const validation_1 = require("../common/validation");
const mfa_throttler_guard_1 = require("../rate-limit/mfa-throttler.guard");
const dto_1 = require("./dto");
const mfa_service_1 = require("./mfa.service");
let MfaTotpController = class MfaTotpController {
    mfa;
    constructor(mfa) {
        this.mfa = mfa;
    }
    enroll(user) {
        return this.mfa.enrollTotp(user);
    }
    activate(user, body) {
        return this.mfa.activateTotp(user, body.code);
    }
    async verify(user, body, ctx) {
        return { verified: true, ...(await this.mfa.verifyTotp(user, body.code, ctx)) };
    }
};
exports.MfaTotpController = MfaTotpController;
__decorate([
    (0, common_1.Post)('enroll'),
    (0, swagger_1.ApiCreatedResponse)({ description: '{ factorId, secret, otpauthUrl } — the secret is shown this once; 403 STEP_UP_REQUIRED' }),
    __param(0, (0, mfa_auth_guard_1.CurrentUser)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object]),
    __metadata("design:returntype", void 0)
], MfaTotpController.prototype, "enroll", null);
__decorate([
    (0, common_1.Post)('activate'),
    (0, common_1.HttpCode)(200),
    (0, swagger_1.ApiOkResponse)({ description: '{ factorId, verified: true, aal, methods, verifiedAt, expiresAt }' }),
    __param(0, (0, mfa_auth_guard_1.CurrentUser)()),
    __param(1, (0, common_1.Body)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, dto_1.CodeDto]),
    __metadata("design:returntype", void 0)
], MfaTotpController.prototype, "activate", null);
__decorate([
    (0, common_1.Post)('verify'),
    (0, common_1.HttpCode)(200),
    (0, swagger_1.ApiOkResponse)({ description: '{ verified: true, aal, methods, verifiedAt, expiresAt }' }),
    __param(0, (0, mfa_auth_guard_1.CurrentUser)()),
    __param(1, (0, common_1.Body)()),
    __param(2, (0, mfa_auth_guard_1.ClientContext)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, dto_1.CodeDto, Object]),
    __metadata("design:returntype", Promise)
], MfaTotpController.prototype, "verify", null);
exports.MfaTotpController = MfaTotpController = __decorate([
    (0, swagger_1.ApiTags)('mfa: totp'),
    (0, swagger_1.ApiBearerAuth)(),
    (0, swagger_1.ApiDefaultResponse)({ type: dto_1.ErrorResponse }),
    (0, common_1.UseGuards)(mfa_throttler_guard_1.MfaThrottlerGuard, mfa_auth_guard_1.MfaAuthGuard),
    (0, common_1.UseFilters)(mfa_exception_filter_1.MfaExceptionFilter),
    (0, common_1.UsePipes)((0, validation_1.createValidationPipe)()),
    (0, common_1.Controller)('mfa/totp'),
    __metadata("design:paramtypes", [mfa_service_1.MfaService])
], MfaTotpController);
//# sourceMappingURL=mfa-totp.controller.js.map