"use strict";
var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.SmsMfaModule = void 0;
const common_1 = require("@nestjs/common");
const event_emitter_1 = require("@nestjs/event-emitter");
const admin_module_1 = require("./admin/admin.module");
const assurance_module_1 = require("./assurance/assurance.module");
const auth_module_1 = require("./auth/auth.module");
const request_user_resolver_1 = require("./auth/request-user.resolver");
const mfa_config_module_1 = require("./config/mfa-config.module");
const database_module_1 = require("./database/database.module");
const mfa_module_1 = require("./mfa/mfa.module");
const ops_module_1 = require("./ops/ops.module");
const privacy_module_1 = require("./privacy/privacy.module");
const sms_mfa_module_definition_1 = require("./sms-mfa.module-definition");
const webhooks_module_1 = require("./webhooks/webhooks.module");
let SmsMfaModule = class SmsMfaModule extends sms_mfa_module_definition_1.SmsMfaConfigurableModule {
    static forRoot(options = {}) {
        return compose(super.forRoot(options), options);
    }
    static forRootAsync(options) {
        return compose(super.forRootAsync(options), options);
    }
};
exports.SmsMfaModule = SmsMfaModule;
exports.SmsMfaModule = SmsMfaModule = __decorate([
    (0, common_1.Module)({})
], SmsMfaModule);
function compose(definition, wiring) {
    const routes = wiring.controllers !== false;
    return {
        module: definition.module,
        imports: [
            mfa_config_module_1.MfaConfigModule.register({
                options: definition.providers ?? [],
                imports: [...(definition.imports ?? []), ...(wiring.imports ?? [])],
                userResolver: wiring.userResolver ?? request_user_resolver_1.RequestUserResolver,
                providers: wiring.providers ?? [],
            }),
            database_module_1.DatabaseModule.register(),
            mfa_module_1.MfaModule,
            assurance_module_1.AssuranceModule,
            auth_module_1.AuthModule,
            ops_module_1.OpsModule.register(wiring.jobs !== false),
            ...(routes ? [mfa_module_1.MfaRoutesModule, assurance_module_1.AssuranceRoutesModule, privacy_module_1.PrivacyRoutesModule, admin_module_1.AdminModule, webhooks_module_1.WebhooksModule, ops_module_1.OpsRoutesModule] : []),
            ...(wiring.eventEmitter === false ? [] : [event_emitter_1.EventEmitterModule.forRoot()]),
        ],
        exports: [mfa_module_1.MfaModule, assurance_module_1.AssuranceModule, auth_module_1.AuthModule, ops_module_1.OpsModule],
    };
}
//# sourceMappingURL=sms-mfa.module.js.map