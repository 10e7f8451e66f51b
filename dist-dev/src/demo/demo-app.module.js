"use strict";
var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
var DemoAppModule_1;
Object.defineProperty(exports, "__esModule", { value: true });
exports.DemoAppModule = void 0;
const common_1 = require("@nestjs/common");
const sms_mfa_module_1 = require("../sms-mfa.module");
const demo_auth_1 = require("./demo-auth");
const demo_records_controller_1 = require("./demo-records.controller");
const logging_1 = require("./logging");
let DemoAppModule = DemoAppModule_1 = class DemoAppModule {
    static register(config = {}, logDestination) {
        return {
            module: DemoAppModule_1,
            imports: [
                sms_mfa_module_1.SmsMfaModule.forRoot({ config, userResolver: demo_auth_1.JwtUserResolver, imports: [demo_auth_1.DemoAuthModule] }),
                (0, logging_1.demoLoggerModule)(logDestination),
            ],
            controllers: [demo_records_controller_1.DemoRecordsController],
        };
    }
};
exports.DemoAppModule = DemoAppModule;
exports.DemoAppModule = DemoAppModule = DemoAppModule_1 = __decorate([
    (0, common_1.Module)({})
], DemoAppModule);
//# sourceMappingURL=demo-app.module.js.map