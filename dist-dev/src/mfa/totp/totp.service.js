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
exports.TotpService = exports.TOTP_PARAMS = void 0;
const node_crypto_1 = require("node:crypto");
const error_summary_1 = require("../../common/error-summary");
const common_1 = require("@nestjs/common");
const otpauth_1 = require("otpauth");
const assurance_service_1 = require("../../assurance/assurance.service");
const clock_1 = require("../../common/clock");
const mfa_error_1 = require("../../common/mfa-error");
const mfa_config_1 = require("../mfa.config");
const lockout_errors_1 = require("../../rate-limit/lockout-errors");
const failure_runs_repository_1 = require("../../rate-limit/failure-runs.repository");
const mfa_events_1 = require("../../common/mfa-events");
const secret_box_1 = require("./secret-box");
const totp_factors_repository_1 = require("./totp-factors.repository");
exports.TOTP_PARAMS = { algorithm: 'SHA1', digits: 6, period: 30 };
const PERIOD = exports.TOTP_PARAMS.period;
const WINDOW = 1;
let TotpService = class TotpService {
    config;
    clock;
    factors;
    failureRuns;
    assurance;
    events;
    logger = new common_1.Logger('TotpService');
    box;
    unopenedLogged = new Map();
    constructor(config, clock, factors, failureRuns, assurance, events) {
        this.config = config;
        this.clock = clock;
        this.factors = factors;
        this.failureRuns = failureRuns;
        this.assurance = assurance;
        this.events = events;
        this.box = new secret_box_1.SecretBox(config.encryptionKey, config.previousEncryptionKeys);
    }
    async enroll(user, label = user.id) {
        const now = this.clock.now();
        await this.assurance.requireStepUp(user, now);
        const id = (0, node_crypto_1.randomUUID)();
        const secret = new otpauth_1.Secret({ size: 20 });
        const sealed = this.box.seal(Buffer.from(secret.bytes), id);
        const stepUp = this.assurance.stepUpCheck(user, now);
        if (!(await this.factors.createPending(id, user.id, sealed.ciphertext, sealed.keyId, now, stepUp))) {
            throw await this.assurance.stepUpRefused(user);
        }
        return { factorId: id, secret: secret.base32, otpauthUrl: this.totp(secret, label).toString() };
    }
    async activate(user, code) {
        const factor = await this.factors.find(user.id, false);
        if (!factor)
            throw new mfa_error_1.MfaError('NO_ACTIVE_CHALLENGE', 'No TOTP enrolment is pending: enrol first.');
        return { factorId: factor.id, assurance: await this.check(user, factor, code, true) };
    }
    async verify(user, code, context = {}) {
        try {
            const factor = await this.factors.find(user.id, true);
            if (!factor)
                throw new mfa_error_1.MfaError('NOT_FOUND', 'The user has no TOTP factor.');
            const assurance = await this.check(user, factor, code, false);
            await this.failureRuns.reset(user.id, ['sms']).catch((err) => {
                this.logger.warn(`SMS lockout not lifted after a TOTP success: ${(0, error_summary_1.errorSummary)(err)}`);
            });
            this.events.emit(mfa_events_1.MfaEvent.TotpVerified, {
                userId: user.id,
                factorId: factor.id,
                ip: context.ip,
                at: this.clock.now(),
            });
            return { factorId: factor.id, assurance };
        }
        catch (err) {
            this.events.refused(mfa_events_1.MfaEvent.TotpFailed, err, { userId: user.id, ip: context.ip, at: this.clock.now() });
            throw err;
        }
    }
    async check(user, factor, code, activate) {
        if (!/^\d{6}$/.test(code))
            throw new mfa_error_1.MfaError('VALIDATION_FAILED', 'code must be 6 digits');
        const now = this.clock.now();
        const { totpFailureThreshold: threshold, totpFailureHardLimit: hardLimit } = this.config;
        const secretBytes = this.openSecret(factor);
        const guess = await this.failureRuns.takeGuess('totp', user.id, now, threshold, hardLimit);
        if (!guess.taken)
            throw (0, lockout_errors_1.guessRefused)('totp_failures', guess, hardLimit, now);
        const totp = this.totp(new otpauth_1.Secret({ buffer: new Uint8Array(secretBytes).buffer }), factor.userId);
        const delta = totp.validate({ token: code, timestamp: now.getTime(), window: WINDOW });
        if (delta === null)
            throw new mfa_error_1.MfaError('CODE_INVALID');
        const step = Math.floor(now.getTime() / 1000 / PERIOD) + delta;
        const activation = activate ? this.assurance.stepUpCheck(user, now, 'aal2') : undefined;
        const result = await this.factors.useStep(factor.id, user.id, step, this.assurance.raise(user, 'totp', now), activation);
        if (!result.allowed)
            throw await this.assurance.stepUpRefused(user);
        if (!result.used)
            throw new mfa_error_1.MfaError('CODE_INVALID', 'This code was already used: wait for the next one.');
        if (this.box.isStale(factor.keyId)) {
            const sealed = this.box.seal(secretBytes, factor.id);
            await this.factors.reseal(factor.id, sealed.ciphertext, sealed.keyId);
        }
        return this.assurance.raised(user, 'totp', result.assurance);
    }
    openSecret(factor) {
        try {
            return this.box.open({ ciphertext: factor.secretEnc, keyId: factor.keyId }, factor.id);
        }
        catch (err) {
            const now = this.clock.now().getTime();
            if (now - (this.unopenedLogged.get(factor.keyId) ?? -Infinity) >= 3_600_000) {
                this.unopenedLogged.set(factor.keyId, now);
                this.logger.error(this.box.hasKey(factor.keyId)
                    ? `TOTP factor ${factor.id} fails its integrity check under key id ${factor.keyId}: the stored secret was altered or copied (${(0, error_summary_1.errorSummary)(err)})`
                    : `TOTP factor ${factor.id} is sealed under key id ${factor.keyId}, which is not configured: restore that key in MFA_ENCRYPTION_KEY or MFA_ENCRYPTION_PREVIOUS_KEYS`);
            }
            throw new mfa_error_1.MfaError('SERVICE_UNAVAILABLE', 'TOTP cannot be checked right now: verify with another method.', {
                retryAfterSeconds: 300,
            });
        }
    }
    totp(secret, label) {
        return new otpauth_1.TOTP({ issuer: this.config.appName, label, ...exports.TOTP_PARAMS, secret });
    }
};
exports.TotpService = TotpService;
exports.TotpService = TotpService = __decorate([
    (0, common_1.Injectable)(),
    __param(0, (0, common_1.Inject)(mfa_config_1.MFA_FACTORS_CONFIG)),
    __param(1, (0, common_1.Inject)(clock_1.Clock)),
    __metadata("design:paramtypes", [Object, Object, totp_factors_repository_1.TotpFactorsRepository,
        failure_runs_repository_1.FailureRunsRepository,
        assurance_service_1.AssuranceService,
        mfa_events_1.MfaEvents])
], TotpService);
//# sourceMappingURL=totp.service.js.map