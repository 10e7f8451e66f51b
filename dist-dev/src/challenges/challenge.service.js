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
exports.ChallengeService = void 0;
const node_crypto_1 = require("node:crypto");
const common_1 = require("@nestjs/common");
const clock_1 = require("../common/clock");
const mfa_error_1 = require("../common/mfa-error");
const challenges_config_1 = require("./challenges.config");
const one_time_code_1 = require("../codes/one-time-code");
const mfa_metrics_1 = require("../metrics/mfa-metrics");
const lockout_errors_1 = require("../rate-limit/lockout-errors");
const failure_runs_repository_1 = require("../rate-limit/failure-runs.repository");
const send_counters_repository_1 = require("../rate-limit/send-counters.repository");
const send_limits_1 = require("../rate-limit/send-limits");
const challenges_repository_1 = require("./challenges.repository");
let ChallengeService = class ChallengeService {
    challenges;
    counters;
    failureRuns;
    metrics;
    config;
    clock;
    hasher;
    constructor(challenges, counters, failureRuns, metrics, config, clock) {
        this.challenges = challenges;
        this.counters = counters;
        this.failureRuns = failureRuns;
        this.metrics = metrics;
        this.config = config;
        this.clock = clock;
        this.hasher = new one_time_code_1.CodeHasher(config.codeSecret);
    }
    async issue(req) {
        const code = (0, one_time_code_1.generateCode)(this.config.codeLength);
        const row = this.newChallenge(req, code);
        const slot = (0, send_limits_1.sendSlotRequest)(req.reason ? { ...this.config, cooldownMinutes: 0, progressiveCooldown: false } : this.config, req);
        const outcome = await this.challenges.issue({ ...row, slot }).catch((err) => {
            throw this.concurrent(err);
        });
        if ('refused' in outcome)
            throw this.refusal(outcome.refused);
        return {
            ...this.issued(req, row, code, outcome.factorId),
            resendAvailableAt: new Date(row.createdAt.getTime() + outcome.nextCooldownSeconds * 1000),
            firstAttemptId: outcome.attemptId,
            countedOn: slot.subjects,
        };
    }
    async issueFixed(req, code) {
        const row = this.newChallenge(req, code);
        const { factorId } = await this.challenges.issueFixed(row).catch((err) => {
            throw this.concurrent(err);
        });
        return { ...this.issued(req, row, code, factorId), resendAvailableAt: row.createdAt, firstAttemptId: '', countedOn: [] };
    }
    newChallenge(req, code) {
        const id = (0, node_crypto_1.randomUUID)();
        const createdAt = this.clock.now();
        return {
            ...req,
            fixedLine: req.fixedLine ?? false,
            id,
            newFactorId: req.factorId ? undefined : (0, node_crypto_1.randomUUID)(),
            codeHash: this.hasher.hash(id, code),
            expiresAt: new Date(createdAt.getTime() + this.config.codeValidityMinutes * 60_000),
            maxAttempts: this.config.maxAttempts,
            createdAt,
        };
    }
    issued(req, row, code, factorId) {
        return { id: row.id, factorId, purpose: req.purpose, code, expiresAt: row.expiresAt, createdAt: row.createdAt };
    }
    async verify(userId, purpose, code, raise) {
        if (code.length !== this.config.codeLength || !/^\d+$/.test(code)) {
            throw new mfa_error_1.MfaError('VALIDATION_FAILED', `code must be ${this.config.codeLength} digits`);
        }
        const now = this.clock.now();
        const challenge = await this.challenges.takeAttempt(userId, purpose, now, this.config.verifyFailureHardLimit);
        if (!challenge)
            throw await this.whyNoAttempt(userId, purpose, now);
        if (this.hasher.matches(challenge.id, code, challenge.codeHash)) {
            const consumed = await this.challenges.consume(challenge.id, now, raise);
            if (!consumed)
                throw new mfa_error_1.MfaError('NO_ACTIVE_CHALLENGE');
            return { challenge, ...consumed };
        }
        await this.failureRuns.countFailure('sms', userId, now, this.config.verifyFailureThreshold);
        const attemptsRemaining = challenge.maxAttempts - challenge.attempts;
        if (attemptsRemaining <= 0)
            throw tooManyAttempts();
        throw new mfa_error_1.MfaError('CODE_INVALID', undefined, { attemptsRemaining });
    }
    async withdraw(issued, refund) {
        await this.challenges.invalidate(issued.id, this.clock.now());
        if (refund)
            await this.counters.refund(issued.countedOn, issued.createdAt);
    }
    async whyNoAttempt(userId, purpose, now) {
        const challenge = await this.challenges.findLive(userId, purpose);
        if (!challenge)
            return new mfa_error_1.MfaError('NO_ACTIVE_CHALLENGE');
        this.assertNotLockedOut(challenge.failures, challenge.lockedUntil, now);
        if (challenge.expiresAt <= now && challenge.attempts < challenge.maxAttempts)
            return new mfa_error_1.MfaError('CODE_EXPIRED');
        return tooManyAttempts();
    }
    assertNotLockedOut(failures, lockedUntil, now) {
        const hardLimit = this.config.verifyFailureHardLimit;
        if (failures < hardLimit && !(lockedUntil && lockedUntil > now))
            return;
        this.metrics.rateLimitedTotal.inc({ limit: 'verify_failures' });
        throw (0, lockout_errors_1.guessRefused)('verify_failures', { failures, lockedUntil }, hardLimit, now);
    }
    concurrent(err) {
        if (!(err instanceof challenges_repository_1.ConcurrentChallengeError))
            return err;
        this.metrics.rateLimitedTotal.inc({ limit: 'concurrent' });
        return new mfa_error_1.MfaError('COOLDOWN', 'A code was just sent: wait for it.', {
            retryAfterSeconds: 1,
            limit: 'concurrent',
        });
    }
    refusal(refused) {
        this.metrics.rateLimitedTotal.inc({ limit: refused.limit });
        const details = { limit: refused.limit, retryAfterSeconds: refused.retryAfterSeconds };
        return (0, send_limits_1.isCooldown)(refused)
            ? new mfa_error_1.MfaError('COOLDOWN', undefined, details)
            : new mfa_error_1.MfaError('RATE_LIMITED', undefined, details);
    }
};
exports.ChallengeService = ChallengeService;
exports.ChallengeService = ChallengeService = __decorate([
    (0, common_1.Injectable)(),
    __param(4, (0, common_1.Inject)(challenges_config_1.CHALLENGES_CONFIG)),
    __param(5, (0, common_1.Inject)(clock_1.Clock)),
    __metadata("design:paramtypes", [challenges_repository_1.ChallengesRepository,
        send_counters_repository_1.SendCountersRepository,
        failure_runs_repository_1.FailureRunsRepository,
        mfa_metrics_1.MfaMetrics, Object, Object])
], ChallengeService);
function tooManyAttempts() {
    return new mfa_error_1.MfaError('TOO_MANY_ATTEMPTS', undefined, { attemptsRemaining: 0 });
}
//# sourceMappingURL=challenge.service.js.map