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
exports.VoiceFallback = exports.FALLBACK_UNDELIVERED = void 0;
const common_1 = require("@nestjs/common");
const error_summary_1 = require("../common/error-summary");
const challenges_repository_1 = require("../challenges/challenges.repository");
const background_tasks_1 = require("../common/background-tasks");
const clock_1 = require("../common/clock");
const mfa_events_1 = require("../common/mfa-events");
const mfa_metrics_1 = require("../metrics/mfa-metrics");
const country_rules_repository_1 = require("../phone/country-rules.repository");
const phone_number_1 = require("../phone/phone-number");
const opt_outs_repository_1 = require("./opt-outs.repository");
const sms_code_dispatch_service_1 = require("./sms-code-dispatch.service");
const sms_config_1 = require("./sms.config");
exports.FALLBACK_UNDELIVERED = 'fallback:undelivered';
let VoiceFallback = class VoiceFallback {
    config;
    clock;
    challenges;
    dispatch;
    optOuts;
    countryRules;
    events;
    metrics;
    logger = new common_1.Logger('VoiceFallback');
    tasks = new background_tasks_1.BackgroundTasks();
    constructor(config, clock, challenges, dispatch, optOuts, countryRules, events, metrics) {
        this.config = config;
        this.clock = clock;
        this.challenges = challenges;
        this.dispatch = dispatch;
        this.optOuts = optOuts;
        this.countryRules = countryRules;
        this.events = events;
        this.metrics = metrics;
    }
    afterUndelivered(challengeId) {
        if (!this.config.voiceFallback)
            return;
        this.tasks.run(() => this.fallBack(challengeId).catch((err) => {
            this.metrics.fallbackTotal.inc({ result: 'failed' });
            this.logger.warn(`voice fallback failed: ${(0, error_summary_1.errorSummary)(err)}`);
        }));
    }
    beforeApplicationShutdown() {
        return this.tasks.close();
    }
    settled() {
        return this.tasks.settled();
    }
    async fallBack(challengeId) {
        const claim = await this.challenges.claimFallback(challengeId, this.clock.now());
        if (!claim)
            return;
        const phone = (0, phone_number_1.storedPhone)(claim.phoneE164, claim.country);
        const [optedOut, countryRules] = await Promise.all([
            this.optOuts.isOptedOut(phone.e164),
            this.countryRules.verdictInput(phone.country),
        ]);
        let sent;
        try {
            const screened = await this.dispatch.screen({
                userId: claim.userId,
                channel: 'voice',
                phone,
                purpose: claim.purpose,
                context: {},
                clientKey: claim.clientIp,
                optedOut,
                countryRules,
                withStatistics: claim.purpose === 'enroll',
                locales: [claim.locale],
            });
            sent = await this.dispatch.send(screened, claim.purpose === 'login' ? claim.factorId : undefined, exports.FALLBACK_UNDELIVERED);
        }
        catch (err) {
            this.metrics.fallbackTotal.inc({ result: 'refused' });
            this.logger.warn(`voice fallback refused: ${(0, error_summary_1.errorSummary)(err)}`);
            return;
        }
        this.metrics.fallbackTotal.inc({ result: 'sent' });
        this.events.emit(mfa_events_1.MfaEvent.SmsFallback, {
            userId: claim.userId,
            factorId: sent.factorId,
            challengeId: sent.challengeId,
            previousChallengeId: challengeId,
            maskedPhone: sent.maskedPhone,
            channel: sent.channel,
            reason: exports.FALLBACK_UNDELIVERED,
            purpose: claim.purpose,
            at: this.clock.now(),
        });
    }
};
exports.VoiceFallback = VoiceFallback;
exports.VoiceFallback = VoiceFallback = __decorate([
    (0, common_1.Injectable)(),
    __param(0, (0, common_1.Inject)(sms_config_1.SMS_CONFIG)),
    __param(1, (0, common_1.Inject)(clock_1.Clock)),
    __metadata("design:paramtypes", [Object, Object, challenges_repository_1.ChallengesRepository,
        sms_code_dispatch_service_1.SmsCodeDispatch,
        opt_outs_repository_1.OptOutsRepository,
        country_rules_repository_1.CountryRulesRepository,
        mfa_events_1.MfaEvents,
        mfa_metrics_1.MfaMetrics])
], VoiceFallback);
//# sourceMappingURL=voice-fallback.service.js.map