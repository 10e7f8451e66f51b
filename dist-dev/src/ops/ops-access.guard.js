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
exports.OpsAccessGuard = void 0;
const node_crypto_1 = require("node:crypto");
const common_1 = require("@nestjs/common");
const http_request_1 = require("../common/http-request");
const mfa_error_1 = require("../common/mfa-error");
const ops_config_1 = require("./ops.config");
let OpsAccessGuard = class OpsAccessGuard {
    config;
    token;
    constructor(config) {
        this.config = config;
        this.token = config.opsToken ? Buffer.from(`Bearer ${config.opsToken}`) : undefined;
    }
    canActivate(context) {
        const { opsPort, production } = this.config;
        if (!production && !opsPort && !this.token)
            return true;
        const request = context.switchToHttp().getRequest();
        if (opsPort && request.socket.localPort === opsPort)
            return true;
        const given = Buffer.from((0, http_request_1.header)(request, 'authorization') ?? '');
        if (this.token && given.length === this.token.length && (0, node_crypto_1.timingSafeEqual)(given, this.token))
            return true;
        throw new mfa_error_1.MfaError('NOT_FOUND');
    }
};
exports.OpsAccessGuard = OpsAccessGuard;
exports.OpsAccessGuard = OpsAccessGuard = __decorate([
    (0, common_1.Injectable)(),
    __param(0, (0, common_1.Inject)(ops_config_1.OPS_CONFIG)),
    __metadata("design:paramtypes", [Object])
], OpsAccessGuard);
//# sourceMappingURL=ops-access.guard.js.map