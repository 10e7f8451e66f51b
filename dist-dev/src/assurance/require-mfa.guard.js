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
exports.RequireMfaInterceptor = exports.AdminMfaGuard = exports.RequireMfaGuard = void 0;
exports.RequireMfa = RequireMfa;
const common_1 = require("@nestjs/common");
const core_1 = require("@nestjs/core");
const mfa_auth_guard_1 = require("../auth/mfa-auth.guard");
const clock_1 = require("../common/clock");
const mfa_error_1 = require("../common/mfa-error");
const assurance_config_1 = require("./assurance.config");
const assurance_service_1 = require("./assurance.service");
const REQUIRE_MFA = Symbol('RequireMfa');
let RequireMfaGuard = class RequireMfaGuard {
    assurance;
    reflector;
    clock;
    constructor(assurance, reflector, clock) {
        this.assurance = assurance;
        this.reflector = reflector;
        this.clock = clock;
    }
    async canActivate(context) {
        const options = this.reflector.getAllAndOverride(REQUIRE_MFA, [context.getHandler(), context.getClass()]) ??
            {};
        await assertMfa(context, this.assurance, options.maxAgeMinutes, this.clock.now());
        return true;
    }
};
exports.RequireMfaGuard = RequireMfaGuard;
exports.RequireMfaGuard = RequireMfaGuard = __decorate([
    (0, common_1.Injectable)(),
    __param(2, (0, common_1.Inject)(clock_1.Clock)),
    __metadata("design:paramtypes", [assurance_service_1.AssuranceService,
        core_1.Reflector, Object])
], RequireMfaGuard);
let AdminMfaGuard = class AdminMfaGuard {
    assurance;
    config;
    clock;
    constructor(assurance, config, clock) {
        this.assurance = assurance;
        this.config = config;
        this.clock = clock;
    }
    async canActivate(context) {
        if (this.config.adminRequiresMfa)
            await assertMfa(context, this.assurance, ADMIN_MAX_AGE_MINUTES, this.clock.now());
        return true;
    }
};
exports.AdminMfaGuard = AdminMfaGuard;
exports.AdminMfaGuard = AdminMfaGuard = __decorate([
    (0, common_1.Injectable)(),
    __param(1, (0, common_1.Inject)(assurance_config_1.ASSURANCE_CONFIG)),
    __param(2, (0, common_1.Inject)(clock_1.Clock)),
    __metadata("design:paramtypes", [assurance_service_1.AssuranceService, Object, Object])
], AdminMfaGuard);
const ADMIN_MAX_AGE_MINUTES = 30;
async function assertMfa(context, assurance, maxAgeMinutes, now) {
    const user = context.switchToHttp().getRequest().mfaUser;
    if (!user)
        throw new mfa_error_1.MfaError('UNAUTHENTICATED');
    const state = await assurance.get(user);
    const fresh = maxAgeMinutes === undefined ||
        (state.verifiedAt !== null && now.getTime() - state.verifiedAt.getTime() <= maxAgeMinutes * 60_000);
    if (state.aal !== 'aal2' || !fresh)
        throw await assurance.mfaRequired(user);
}
let RequireMfaInterceptor = class RequireMfaInterceptor {
    caller;
    mfa;
    constructor(caller, mfa) {
        this.caller = caller;
        this.mfa = mfa;
    }
    async intercept(context, next) {
        await this.caller.canActivate(context);
        await this.mfa.canActivate(context);
        return next.handle();
    }
};
exports.RequireMfaInterceptor = RequireMfaInterceptor;
exports.RequireMfaInterceptor = RequireMfaInterceptor = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [mfa_auth_guard_1.MfaAuthGuard,
        RequireMfaGuard])
], RequireMfaInterceptor);
function RequireMfa(options = {}) {
    return (0, common_1.applyDecorators)((0, common_1.SetMetadata)(REQUIRE_MFA, options), (0, common_1.UseInterceptors)(RequireMfaInterceptor));
}
//# sourceMappingURL=require-mfa.guard.js.map