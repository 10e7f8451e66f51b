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
exports.AssuranceController = void 0;
const common_1 = require("@nestjs/common");
const swagger_1 = require("@nestjs/swagger");
const mfa_auth_guard_1 = require("../auth/mfa-auth.guard");
const mfa_exception_filter_1 = require("../common/mfa-exception.filter");
const mfa_throttler_guard_1 = require("../rate-limit/mfa-throttler.guard");
const assurance_service_1 = require("./assurance.service");
let AssuranceController = class AssuranceController {
    assurance;
    constructor(assurance) {
        this.assurance = assurance;
    }
    get(user) {
        return this.assurance.get(user);
    }
    async end(user) {
        await this.assurance.end(user);
    }
};
exports.AssuranceController = AssuranceController;
__decorate([
    (0, common_1.Get)(),
    (0, swagger_1.ApiOkResponse)({ description: '{ aal: "aal1"|"aal2", methods, verifiedAt, expiresAt } of this session' }),
    __param(0, (0, mfa_auth_guard_1.CurrentUser)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object]),
    __metadata("design:returntype", void 0)
], AssuranceController.prototype, "get", null);
__decorate([
    (0, common_1.Delete)(),
    (0, common_1.HttpCode)(204),
    (0, swagger_1.ApiNoContentResponse)({ description: 'The session is back at aal1 (logout).' }),
    __param(0, (0, mfa_auth_guard_1.CurrentUser)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object]),
    __metadata("design:returntype", Promise)
], AssuranceController.prototype, "end", null);
exports.AssuranceController = AssuranceController = __decorate([
    (0, swagger_1.ApiTags)('mfa: assurance'),
    (0, swagger_1.ApiBearerAuth)(),
    (0, common_1.UseGuards)(mfa_throttler_guard_1.MfaThrottlerGuard, mfa_auth_guard_1.MfaAuthGuard),
    (0, common_1.UseFilters)(mfa_exception_filter_1.MfaExceptionFilter),
    (0, common_1.Controller)('mfa/assurance'),
    __metadata("design:paramtypes", [assurance_service_1.AssuranceService])
], AssuranceController);
//# sourceMappingURL=assurance.controller.js.map