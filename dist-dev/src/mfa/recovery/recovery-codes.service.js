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
exports.RecoveryCodesService = void 0;
const node_crypto_1 = require("node:crypto");
const common_1 = require("@nestjs/common");
const assurance_service_1 = require("../../assurance/assurance.service");
const one_time_code_1 = require("../../codes/one-time-code");
const clock_1 = require("../../common/clock");
const mfa_error_1 = require("../../common/mfa-error");
const mfa_config_1 = require("../mfa.config");
const lockout_errors_1 = require("../../rate-limit/lockout-errors");
const failure_runs_repository_1 = require("../../rate-limit/failure-runs.repository");
const mfa_events_1 = require("../../common/mfa-events");
const recovery_code_1 = require("./recovery-code");
const recovery_codes_repository_1 = require("./recovery-codes.repository");
const SET_SIZE = 10;
let RecoveryCodesService = class RecoveryCodesService {
    codes;
    failureRuns;
    assurance;
    events;
    config;
    clock;
    hasher;
    constructor(codes, failureRuns, assurance, events, config, clock) {
        this.codes = codes;
        this.failureRuns = failureRuns;
        this.assurance = assurance;
        this.events = events;
        this.config = config;
        this.clock = clock;
        this.hasher = new one_time_code_1.CodeHasher(config.codeSecret);
    }
    async regenerate(user) {
        const now = this.clock.now();
        const { methods } = await this.assurance.requireStepUp(user, now);
        if (!methods.includes('sms') && !methods.includes('totp')) {
            throw new mfa_error_1.MfaError('FORBIDDEN', 'Enrol a second factor (SMS or TOTP) before making recovery codes.');
        }
        const codes = Array.from({ length: SET_SIZE }, recovery_code_1.generateRecoveryCode);
        const hashes = codes.map((c) => this.hash(user.id, (0, recovery_code_1.normalizeRecoveryCode)(c)));
        if (!(await this.codes.replaceSet(user.id, (0, node_crypto_1.randomUUID)(), hashes, this.assurance.stepUpCheck(user, now), now))) {
            throw await this.assurance.stepUpRefused(user);
        }
        return { codes };
    }
    async verify(user, input, context = {}) {
        try {
            const verified = await this.use(user, input);
            this.events.emit(mfa_events_1.MfaEvent.RecoveryCodeVerified, { userId: user.id, ip: context.ip, at: this.clock.now() });
            return verified;
        }
        catch (err) {
            this.events.refused(mfa_events_1.MfaEvent.RecoveryCodeFailed, err, { userId: user.id, ip: context.ip, at: this.clock.now() });
            throw err;
        }
    }
    async use(user, input) {
        const code = (0, recovery_code_1.normalizeRecoveryCode)(input);
        if (!code)
            throw new mfa_error_1.MfaError('VALIDATION_FAILED', 'code must be a recovery code such as abcde-12345');
        const now = this.clock.now();
        const { verifyFailureThreshold: threshold, verifyFailureHardLimit: hardLimit } = this.config;
        const used = await this.codes.useInTurn(user.id, this.hash(user.id, code), this.assurance.raise(user, 'recovery_code', now), (query) => this.failureRuns.takeGuess('sms', user.id, now, threshold, hardLimit, query));
        switch (used.outcome) {
            case 'used':
                return { ...this.assurance.raised(user, 'recovery_code', used.assurance), remaining: used.remaining };
            case 'already_used':
                throw new mfa_error_1.MfaError('CODE_INVALID', 'This recovery code was already used.');
            case 'none':
                throw new mfa_error_1.MfaError('NO_ACTIVE_CHALLENGE', 'There are no recovery codes to use.');
            case 'guess_refused':
                throw (0, lockout_errors_1.guessRefused)('verify_failures', used.guess, hardLimit, now);
            case 'wrong':
                throw new mfa_error_1.MfaError('CODE_INVALID', 'This recovery code is not valid.');
        }
    }
    list(userId) {
        return this.codes.list(userId);
    }
    hash(userId, code) {
        return this.hasher.hash(`recovery:${userId}`, code);
    }
};
exports.RecoveryCodesService = RecoveryCodesService;
exports.RecoveryCodesService = RecoveryCodesService = __decorate([
    (0, common_1.Injectable)(),
    __param(4, (0, common_1.Inject)(mfa_config_1.MFA_FACTORS_CONFIG)),
    __param(5, (0, common_1.Inject)(clock_1.Clock)),
    __metadata("design:paramtypes", [recovery_codes_repository_1.RecoveryCodesRepository,
        failure_runs_repository_1.FailureRunsRepository,
        assurance_service_1.AssuranceService,
        mfa_events_1.MfaEvents, Object, Object])
], RecoveryCodesService);
//# sourceMappingURL=recovery-codes.service.js.map