"use strict";
var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
var MfaConfigModule_1;
Object.defineProperty(exports, "__esModule", { value: true });
exports.MfaConfigModule = exports.HOST_SMS_PROVIDERS = void 0;
const common_1 = require("@nestjs/common");
const user_resolver_1 = require("../auth/user-resolver");
const clock_1 = require("../common/clock");
const sms_mfa_module_definition_1 = require("../sms-mfa.module-definition");
const mfa_config_1 = require("./mfa-config");
exports.HOST_SMS_PROVIDERS = Symbol('HOST_SMS_PROVIDERS');
let MfaConfigModule = MfaConfigModule_1 = class MfaConfigModule {
    static register(host) {
        return {
            module: MfaConfigModule_1,
            global: true,
            imports: host.imports ?? [],
            providers: [
                ...host.options,
                {
                    provide: mfa_config_1.MFA_CONFIG,
                    inject: [sms_mfa_module_definition_1.SMS_MFA_MODULE_OPTIONS],
                    useFactory: (options) => {
                        const warnings = [];
                        const overrides = { ...options?.config };
                        const env = options?.readEnv === false ? { NODE_ENV: process.env.NODE_ENV } : process.env;
                        if (host.providers.length && env.MOCK_SMS_ENABLED === undefined)
                            overrides.mockSmsEnabled ??= false;
                        const config = (0, mfa_config_1.loadMfaConfig)(env, overrides, warnings);
                        const logger = new common_1.Logger('MfaConfig');
                        for (const w of warnings)
                            logger.warn(`${w.variable} ${w.message}`);
                        return config;
                    },
                },
                { provide: clock_1.Clock, useClass: clock_1.SystemClock },
                { provide: user_resolver_1.MfaUserResolver, useClass: host.userResolver },
                ...host.providers,
                { provide: exports.HOST_SMS_PROVIDERS, inject: host.providers, useFactory: (...adapters) => adapters },
            ],
            exports: [sms_mfa_module_definition_1.SMS_MFA_MODULE_OPTIONS, mfa_config_1.MFA_CONFIG, clock_1.Clock, user_resolver_1.MfaUserResolver, exports.HOST_SMS_PROVIDERS],
        };
    }
};
exports.MfaConfigModule = MfaConfigModule;
exports.MfaConfigModule = MfaConfigModule = MfaConfigModule_1 = __decorate([
    (0, common_1.Module)({})
], MfaConfigModule);
//# sourceMappingURL=mfa-config.module.js.map