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
exports.DemoRecordsController = void 0;
const common_1 = require("@nestjs/common");
const swagger_1 = require("@nestjs/swagger");
const require_mfa_guard_1 = require("../assurance/require-mfa.guard");
const mfa_auth_guard_1 = require("../auth/mfa-auth.guard");
const mfa_exception_filter_1 = require("../common/mfa-exception.filter");
let DemoRecordsController = class DemoRecordsController {
    records(user) {
        return {
            patient: user.id,
            records: [
                { kind: 'immunization', name: 'Measles, mumps, rubella (MMR), dose 2', date: '2025-03-02', by: 'Field clinic 4' },
                { kind: 'allergy', name: 'Penicillin', severity: 'moderate', recorded: '2024-11-18' },
                { kind: 'medication', name: 'Salbutamol inhaler 100 µg', dosage: '2 puffs as needed', since: '2024-11-18' },
                { kind: 'condition', name: 'Asthma, mild persistent', since: '2019' },
            ],
        };
    }
};
exports.DemoRecordsController = DemoRecordsController;
__decorate([
    (0, common_1.Get)(),
    (0, require_mfa_guard_1.RequireMfa)({ maxAgeMinutes: 60 }),
    (0, swagger_1.ApiOkResponse)({ description: "The caller's health records (demo data); 403 MFA_REQUIRED below aal2" }),
    __param(0, (0, mfa_auth_guard_1.CurrentUser)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object]),
    __metadata("design:returntype", void 0)
], DemoRecordsController.prototype, "records", null);
exports.DemoRecordsController = DemoRecordsController = __decorate([
    (0, swagger_1.ApiTags)('demo'),
    (0, swagger_1.ApiBearerAuth)(),
    (0, common_1.UseFilters)(mfa_exception_filter_1.MfaExceptionFilter),
    (0, common_1.Controller)('demo/records')
], DemoRecordsController);
//# sourceMappingURL=demo-records.controller.js.map