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
exports.DataRightsController = void 0;
const common_1 = require("@nestjs/common");
const swagger_1 = require("@nestjs/swagger");
const require_mfa_guard_1 = require("../assurance/require-mfa.guard");
const admin_guard_1 = require("../auth/admin.guard");
const mfa_auth_guard_1 = require("../auth/mfa-auth.guard");
const mfa_error_1 = require("../common/mfa-error");
const mfa_exception_filter_1 = require("../common/mfa-exception.filter");
const data_rights_service_1 = require("./data-rights.service");
const mfa_throttler_guard_1 = require("../rate-limit/mfa-throttler.guard");
function userIdParam(raw) {
    if (!raw || raw.length > 200)
        throw new mfa_error_1.MfaError('VALIDATION_FAILED', 'userId must be 1 to 200 characters');
    return raw;
}
let DataRightsController = class DataRightsController {
    dataRights;
    constructor(dataRights) {
        this.dataRights = dataRights;
    }
    export(userId) {
        return this.dataRights.export(userIdParam(userId));
    }
    erase(userId) {
        return this.dataRights.erase(userIdParam(userId));
    }
};
exports.DataRightsController = DataRightsController;
__decorate([
    (0, common_1.Get)(),
    __param(0, (0, common_1.Param)('userId')),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [String]),
    __metadata("design:returntype", void 0)
], DataRightsController.prototype, "export", null);
__decorate([
    (0, common_1.Delete)(),
    __param(0, (0, common_1.Param)('userId')),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [String]),
    __metadata("design:returntype", void 0)
], DataRightsController.prototype, "erase", null);
exports.DataRightsController = DataRightsController = __decorate([
    (0, swagger_1.ApiTags)('admin'),
    (0, swagger_1.ApiBearerAuth)(),
    (0, common_1.UseGuards)(mfa_throttler_guard_1.MfaThrottlerGuard, mfa_auth_guard_1.MfaAuthGuard, admin_guard_1.AdminGuard, require_mfa_guard_1.AdminMfaGuard),
    (0, common_1.UseFilters)(mfa_exception_filter_1.MfaExceptionFilter),
    (0, common_1.Controller)('admin/users/:userId/data'),
    __metadata("design:paramtypes", [data_rights_service_1.DataRightsService])
], DataRightsController);
//# sourceMappingURL=data-rights.controller.js.map