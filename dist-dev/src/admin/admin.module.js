"use strict";
var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.AdminModule = void 0;
const common_1 = require("@nestjs/common");
const assurance_module_1 = require("../assurance/assurance.module");
const auth_module_1 = require("../auth/auth.module");
const fraud_module_1 = require("../fraud/fraud.module");
const phone_module_1 = require("../phone/phone.module");
const rate_limit_module_1 = require("../rate-limit/rate-limit.module");
const admin_sms_controller_1 = require("./admin-sms.controller");
const admin_service_1 = require("./admin.service");
let AdminModule = class AdminModule {
};
exports.AdminModule = AdminModule;
exports.AdminModule = AdminModule = __decorate([
    (0, common_1.Module)({
        imports: [phone_module_1.PhoneModule, fraud_module_1.FraudModule, rate_limit_module_1.RateLimitModule, auth_module_1.AuthModule, assurance_module_1.AssuranceModule],
        providers: [admin_service_1.AdminService],
        controllers: [admin_sms_controller_1.AdminSmsController],
    })
], AdminModule);
//# sourceMappingURL=admin.module.js.map