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
exports.AssuranceService = void 0;
const common_1 = require("@nestjs/common");
const event_emitter_1 = require("@nestjs/event-emitter");
const clock_1 = require("../common/clock");
const mfa_error_1 = require("../common/mfa-error");
const assurance_config_1 = require("./assurance.config");
const mfa_events_1 = require("../common/mfa-events");
const assurance_repository_1 = require("./assurance.repository");
const session_key_1 = require("./session-key");
const AAL1 = { aal: 'aal1', methods: [], verifiedAt: null, expiresAt: null };
let AssuranceService = class AssuranceService {
    repository;
    emitter;
    config;
    clock;
    constructor(repository, emitter, config, clock) {
        this.repository = repository;
        this.emitter = emitter;
        this.config = config;
        this.clock = clock;
    }
    async get(user) {
        const session = (0, session_key_1.sessionKey)(user.sessionId);
        const row = session && (await this.repository.find(user.id, session, this.clock.now()));
        return row ? toView(row) : AAL1;
    }
    async end(user) {
        const session = (0, session_key_1.sessionKey)(user.sessionId);
        if (session)
            await this.repository.end(user.id, session);
    }
    raise(user, method, now) {
        return {
            session: (0, session_key_1.sessionKey)(user.sessionId),
            method,
            now,
            expiresAt: new Date(now.getTime() + this.config.assuranceMaxAgeMinutes * 60_000),
        };
    }
    raised(user, method, row) {
        if (!row || !user.sessionId)
            return AAL1;
        const event = { userId: user.id, sessionId: user.sessionId, method, at: row.verifiedAt };
        this.emitter.emit(mfa_events_1.MfaEvent.AssuranceRaised, event);
        return toView(row);
    }
    stepUpCheck(user, now, within = 'step-up') {
        const minutes = within === 'aal2' ? this.config.assuranceMaxAgeMinutes : this.config.stepUpMaxAgeMinutes;
        return { session: (0, session_key_1.sessionKey)(user.sessionId), since: new Date(now.getTime() - minutes * 60_000) };
    }
    async requireStepUp(user, now = this.clock.now()) {
        const { session, since } = this.stepUpCheck(user, now);
        const state = await this.repository.stepUpState(user.id, session, since, now);
        if (!state.allowed)
            throw this.stepUpRequired(state.methods);
        return { methods: state.methods };
    }
    async stepUpRefused(user) {
        return this.stepUpRequired(await this.usableMethods(user));
    }
    async mfaRequired(user) {
        return new mfa_error_1.MfaError('MFA_REQUIRED', undefined, { methods: await this.usableMethods(user) });
    }
    async usableMethods(user) {
        const now = this.clock.now();
        return (await this.repository.stepUpState(user.id, null, now, now)).methods;
    }
    stepUpRequired(methods) {
        return new mfa_error_1.MfaError('STEP_UP_REQUIRED', undefined, { methods });
    }
};
exports.AssuranceService = AssuranceService;
exports.AssuranceService = AssuranceService = __decorate([
    (0, common_1.Injectable)(),
    __param(2, (0, common_1.Inject)(assurance_config_1.ASSURANCE_CONFIG)),
    __param(3, (0, common_1.Inject)(clock_1.Clock)),
    __metadata("design:paramtypes", [assurance_repository_1.AssuranceRepository,
        event_emitter_1.EventEmitter2, Object, Object])
], AssuranceService);
function toView(row) {
    return { aal: 'aal2', methods: row.methods, verifiedAt: row.verifiedAt, expiresAt: row.expiresAt };
}
//# sourceMappingURL=assurance.service.js.map