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
exports.ClientContext = exports.CurrentUser = exports.MfaAuthGuard = void 0;
const common_1 = require("@nestjs/common");
const http_request_1 = require("../common/http-request");
const mfa_error_1 = require("../common/mfa-error");
const user_resolver_1 = require("./user-resolver");
let MfaAuthGuard = class MfaAuthGuard {
    resolver;
    constructor(resolver) {
        this.resolver = resolver;
    }
    async canActivate(context) {
        const request = context.switchToHttp().getRequest();
        const user = await this.resolver.resolve(request);
        if (!user?.id)
            throw new mfa_error_1.MfaError('UNAUTHENTICATED');
        request.mfaUser = user;
        return true;
    }
};
exports.MfaAuthGuard = MfaAuthGuard;
exports.MfaAuthGuard = MfaAuthGuard = __decorate([
    (0, common_1.Injectable)(),
    __param(0, (0, common_1.Inject)(user_resolver_1.MfaUserResolver)),
    __metadata("design:paramtypes", [Object])
], MfaAuthGuard);
exports.CurrentUser = (0, common_1.createParamDecorator)((_, ctx) => ctx.switchToHttp().getRequest().mfaUser);
exports.ClientContext = (0, common_1.createParamDecorator)((_, ctx) => {
    const request = ctx.switchToHttp().getRequest();
    return {
        ip: request.ip,
        userAgent: (0, http_request_1.header)(request, 'user-agent')?.slice(0, 200),
        locale: (0, http_request_1.header)(request, 'accept-language')?.slice(0, 200),
    };
});
//# sourceMappingURL=mfa-auth.guard.js.map