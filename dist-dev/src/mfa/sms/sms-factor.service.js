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
exports.SmsFactorService = void 0;
const common_1 = require("@nestjs/common");
const assurance_service_1 = require("../../assurance/assurance.service");
const challenge_service_1 = require("../../challenges/challenge.service");
const client_ip_1 = require("../../common/client-ip");
const clock_1 = require("../../common/clock");
const mfa_error_1 = require("../../common/mfa-error");
const mfa_events_1 = require("../../common/mfa-events");
const mfa_config_1 = require("../mfa.config");
const fraud_guard_service_1 = require("../../fraud/fraud-guard.service");
const mfa_metrics_1 = require("../../metrics/mfa-metrics");
const country_rules_repository_1 = require("../../phone/country-rules.repository");
const phone_number_1 = require("../../phone/phone-number");
const opt_outs_repository_1 = require("../../sms/opt-outs.repository");
const sms_code_dispatch_service_1 = require("../../sms/sms-code-dispatch.service");
const conversion_feedback_service_1 = require("../../sms/conversion-feedback.service");
const sms_factors_repository_1 = require("./sms-factors.repository");
let SmsFactorService = class SmsFactorService {
    config;
    clock;
    factors;
    challenges;
    dispatch;
    optOuts;
    countryRules;
    fraud;
    assurance;
    events;
    metrics;
    feedback;
    constructor(config, clock, factors, challenges, dispatch, optOuts, countryRules, fraud, assurance, events, metrics, feedback) {
        this.config = config;
        this.clock = clock;
        this.factors = factors;
        this.challenges = challenges;
        this.dispatch = dispatch;
        this.optOuts = optOuts;
        this.countryRules = countryRules;
        this.fraud = fraud;
        this.assurance = assurance;
        this.events = events;
        this.metrics = metrics;
        this.feedback = feedback;
    }
    async enroll(user, phoneNumber, context, channel) {
        this.assertEnabled();
        const via = this.dispatch.offered(channel);
        await this.assurance.requireStepUp(user);
        const phone = await this.parseForEnrolment(user, phoneNumber, context, via);
        const [optedOut, countryRules] = await Promise.all([
            this.optOuts.isOptedOut(phone.e164),
            this.countryRules.verdictInput(phone.country),
        ]);
        const screened = await this.dispatch.screen({
            userId: user.id,
            channel: via,
            fixedLine: phone.type === 'FIXED_LINE',
            phone,
            purpose: 'enroll',
            context,
            optedOut,
            countryRules,
            withStatistics: true,
            locales: [context.locale, user.locale],
        });
        return this.dispatch.send(screened);
    }
    async verifyEnrollment(user, code, context) {
        this.assertEnabled();
        const { challenge } = await this.observed('enroll', user, context, () => this.challenges.verify(user.id, 'enroll', code));
        const now = this.clock.now();
        const marked = await this.factors.markVerifiedReplacingOthers(challenge.factorId, user.id, this.assurance.stepUpCheck(user, now, 'aal2'), this.assurance.raise(user, 'sms', now));
        if (!marked.allowed)
            throw await this.assurance.stepUpRefused(user);
        return { factorId: challenge.factorId, verified: true, ...this.assurance.raised(user, 'sms', marked.assurance) };
    }
    async challenge(user, phoneNumber, context, channel) {
        this.assertEnabled();
        const via = this.dispatch.offered(channel);
        const factor = await this.factors.findSendable(user.id);
        const requested = phoneNumber ?? user.phoneNumber;
        const other = requested !== undefined && requested !== factor?.phoneE164 && (0, phone_number_1.parsePhone)(requested).e164 !== factor?.phoneE164;
        if (!factor || other) {
            throw new mfa_error_1.MfaError('PHONE_NOT_VERIFIED');
        }
        if (factor.fixedLine && via !== 'voice') {
            throw new mfa_error_1.MfaError('CHANNEL_NOT_AVAILABLE', 'This number is a fixed line: it can take a code by voice only.');
        }
        const screened = await this.dispatch.screen({
            userId: user.id,
            channel: via,
            phone: (0, phone_number_1.storedPhone)(factor.phoneE164, factor.country),
            purpose: 'login',
            context,
            optedOut: factor.optedOut,
            countryRules: factor.countryRules,
            withStatistics: false,
            locales: [context.locale, user.locale],
        });
        const { factorId: _, ...sent } = await this.dispatch.send(screened, factor.id);
        return sent;
    }
    async verify(user, code, context) {
        this.assertEnabled();
        const raise = this.assurance.raise(user, 'sms', this.clock.now());
        const { assurance } = await this.observed('login', user, context, () => this.challenges.verify(user.id, 'login', code, raise));
        return this.assurance.raised(user, 'sms', assurance);
    }
    async observed(purpose, user, context, verify) {
        try {
            const verified = await verify();
            const { challenge } = verified;
            this.metrics.verifyTotal.inc({ result: 'verified' });
            this.feedback.converted(verified.delivery);
            this.events.emit(mfa_events_1.MfaEvent.SmsVerified, {
                userId: user.id,
                factorId: challenge.factorId,
                challengeId: challenge.id,
                purpose,
                ip: context.ip,
                at: this.clock.now(),
            });
            return verified;
        }
        catch (err) {
            if (err instanceof mfa_error_1.MfaError)
                this.metrics.verifyTotal.inc({ result: err.code.toLowerCase() });
            this.events.refused(mfa_events_1.MfaEvent.SmsFailed, err, { userId: user.id, purpose, ip: context.ip, at: this.clock.now() });
            throw err;
        }
    }
    async parseForEnrolment(user, phoneNumber, context, channel) {
        try {
            const phone = (0, phone_number_1.parsePhoneFor)(phoneNumber, channel, this.config.voiceFixedLineCountries);
            if (!phone.country && !this.config.allowNonGeographic) {
                throw new mfa_error_1.MfaError('COUNTRY_NOT_ALLOWED', 'SMS to numbers of no country (satellite, international networks) is not allowed.');
            }
            return phone;
        }
        catch (err) {
            if (err instanceof mfa_error_1.MfaError && err.code === 'SUSPICIOUS_NUMBER') {
                const phone = (0, phone_number_1.parsePhone)(phoneNumber);
                await this.fraud.report([{ rule: 'line_type', detail: `number type ${phone.type}` }], {
                    ...phone,
                    prefix: (0, phone_number_1.numberPrefix)(phone),
                    userId: user.id,
                    clientIp: (0, client_ip_1.clientKey)(context.ip, this.config.ipv6SubnetPrefix),
                }, 'blocked');
            }
            throw err;
        }
    }
    assertEnabled() {
        if (!this.config.smsEnabled)
            throw new mfa_error_1.MfaError('SMS_DISABLED');
    }
};
exports.SmsFactorService = SmsFactorService;
exports.SmsFactorService = SmsFactorService = __decorate([
    (0, common_1.Injectable)(),
    __param(0, (0, common_1.Inject)(mfa_config_1.MFA_FACTORS_CONFIG)),
    __param(1, (0, common_1.Inject)(clock_1.Clock)),
    __metadata("design:paramtypes", [Object, Object, sms_factors_repository_1.SmsFactorsRepository,
        challenge_service_1.ChallengeService,
        sms_code_dispatch_service_1.SmsCodeDispatch,
        opt_outs_repository_1.OptOutsRepository,
        country_rules_repository_1.CountryRulesRepository,
        fraud_guard_service_1.FraudGuard,
        assurance_service_1.AssuranceService,
        mfa_events_1.MfaEvents,
        mfa_metrics_1.MfaMetrics,
        conversion_feedback_service_1.ConversionFeedback])
], SmsFactorService);
//# sourceMappingURL=sms-factor.service.js.map