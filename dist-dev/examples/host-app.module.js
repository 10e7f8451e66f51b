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
exports.HostAppModule = exports.MfaAuditTrail = exports.RecordsController = exports.BackupCodeLogin = exports.SessionUserResolver = void 0;
const common_1 = require("@nestjs/common");
const config_1 = require("@nestjs/config");
const event_emitter_1 = require("@nestjs/event-emitter");
const src_1 = require("../src");
let SessionUserResolver = class SessionUserResolver {
    resolve(request) {
        const session = request.session;
        return session?.userId ? { id: session.userId, sessionId: session.id } : null;
    }
};
exports.SessionUserResolver = SessionUserResolver;
exports.SessionUserResolver = SessionUserResolver = __decorate([
    (0, common_1.Injectable)()
], SessionUserResolver);
let BackupCodeLogin = class BackupCodeLogin {
    mfa;
    constructor(mfa) {
        this.mfa = mfa;
    }
    sendBackupCode(userId, ip) {
        return this.mfa.initiateSmsVerification({ id: userId }, undefined, { ip });
    }
    checkBackupCode(userId, sessionId, code) {
        return this.mfa.verifySmsCode({ id: userId, sessionId }, code);
    }
};
exports.BackupCodeLogin = BackupCodeLogin;
exports.BackupCodeLogin = BackupCodeLogin = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [src_1.MfaService])
], BackupCodeLogin);
let RecordsController = class RecordsController {
    list(user) {
        return { owner: user.id, records: [] };
    }
};
exports.RecordsController = RecordsController;
__decorate([
    (0, common_1.Get)(),
    (0, src_1.RequireMfa)({ maxAgeMinutes: 30 }),
    __param(0, (0, src_1.CurrentUser)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object]),
    __metadata("design:returntype", void 0)
], RecordsController.prototype, "list", null);
exports.RecordsController = RecordsController = __decorate([
    (0, common_1.Controller)('records')
], RecordsController);
let MfaAuditTrail = class MfaAuditTrail {
    entries = [];
    onSmsVerified(event) {
        this.entries.push(event);
    }
};
exports.MfaAuditTrail = MfaAuditTrail;
__decorate([
    (0, event_emitter_1.OnEvent)(src_1.MfaEvent.SmsVerified),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object]),
    __metadata("design:returntype", void 0)
], MfaAuditTrail.prototype, "onSmsVerified", null);
exports.MfaAuditTrail = MfaAuditTrail = __decorate([
    (0, common_1.Injectable)()
], MfaAuditTrail);
let HostAppModule = class HostAppModule {
};
exports.HostAppModule = HostAppModule;
exports.HostAppModule = HostAppModule = __decorate([
    (0, common_1.Module)({
        imports: [
            config_1.ConfigModule.forRoot(),
            src_1.SmsMfaModule.forRootAsync({
                imports: [config_1.ConfigModule],
                inject: [config_1.ConfigService],
                useFactory: (config) => ({
                    config: {
                        databaseUrl: config.get('MFA_DATABASE_URL'),
                        appName: config.get('APP_NAME') ?? 'Haven Health',
                    },
                }),
                userResolver: SessionUserResolver,
                controllers: false,
            }),
        ],
        controllers: [RecordsController],
        providers: [BackupCodeLogin, MfaAuditTrail],
    })
], HostAppModule);
//# sourceMappingURL=host-app.module.js.map