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
Object.defineProperty(exports, "__esModule", { value: true });
exports.MfaEventsModule = exports.MfaEvents = exports.MfaEvent = void 0;
const common_1 = require("@nestjs/common");
const event_emitter_1 = require("@nestjs/event-emitter");
const mfa_error_1 = require("./mfa-error");
exports.MfaEvent = {
    SmsSent: 'mfa.sms.sent',
    SmsVerified: 'mfa.sms.verified',
    SmsFailed: 'mfa.sms.failed',
    SmsFallback: 'mfa.sms.fallback',
    TotpVerified: 'mfa.totp.verified',
    TotpFailed: 'mfa.totp.failed',
    RecoveryCodeVerified: 'mfa.recovery_code.verified',
    RecoveryCodeFailed: 'mfa.recovery_code.failed',
    AssuranceRaised: 'mfa.assurance.raised',
};
let MfaEvents = class MfaEvents {
    emitter;
    constructor(emitter) {
        this.emitter = emitter;
    }
    emit(name, payload) {
        this.emitter.emit(name, payload);
    }
    refused(name, err, payload) {
        if (err instanceof mfa_error_1.MfaError && err.getStatus() < 500)
            this.emit(name, { ...payload, reason: err.code });
    }
};
exports.MfaEvents = MfaEvents;
exports.MfaEvents = MfaEvents = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [event_emitter_1.EventEmitter2])
], MfaEvents);
let MfaEventsModule = class MfaEventsModule {
};
exports.MfaEventsModule = MfaEventsModule;
exports.MfaEventsModule = MfaEventsModule = __decorate([
    (0, common_1.Module)({ providers: [MfaEvents], exports: [MfaEvents] })
], MfaEventsModule);
//# sourceMappingURL=mfa-events.js.map