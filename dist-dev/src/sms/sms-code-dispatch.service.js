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
exports.SmsCodeDispatch = exports.FALLBACK_NO_PROVIDER = void 0;
const common_1 = require("@nestjs/common");
const error_summary_1 = require("../common/error-summary");
const challenge_service_1 = require("../challenges/challenge.service");
const clock_1 = require("../common/clock");
const client_ip_1 = require("../common/client-ip");
const mfa_error_1 = require("../common/mfa-error");
const sms_config_1 = require("./sms.config");
const fraud_guard_service_1 = require("../fraud/fraud-guard.service");
const country_policy_1 = require("../phone/country-policy");
const mask_1 = require("../phone/mask");
const phone_number_1 = require("../phone/phone-number");
const sms_sender_service_1 = require("./sms-sender.service");
const price_book_1 = require("./pricing/price-book");
const spend_guard_1 = require("./pricing/spend-guard");
const test_numbers_1 = require("./test-numbers");
const message_renderer_1 = require("./templates/message-renderer");
const mfa_events_1 = require("../common/mfa-events");
exports.FALLBACK_NO_PROVIDER = 'fallback:no_provider';
let SmsCodeDispatch = class SmsCodeDispatch {
    challenges;
    sender;
    renderer;
    fraud;
    events;
    config;
    clock;
    spend;
    prices;
    logger = new common_1.Logger('SmsCodeDispatch');
    constructor(challenges, sender, renderer, fraud, events, config, clock, spend, prices) {
        this.challenges = challenges;
        this.sender = sender;
        this.renderer = renderer;
        this.fraud = fraud;
        this.events = events;
        this.config = config;
        this.clock = clock;
        this.spend = spend;
        this.prices = prices;
    }
    offered(channel) {
        const asked = (channel ?? 'sms');
        if (!this.config.channels.includes(asked)) {
            throw new mfa_error_1.MfaError('CHANNEL_NOT_AVAILABLE', `Codes can be sent by: ${this.config.channels.join(', ')}.`);
        }
        return asked;
    }
    async screen(req) {
        if (req.optedOut)
            throw new mfa_error_1.MfaError('PHONE_OPTED_OUT');
        const { e164, country, callingCode, nationalNumber } = req.phone;
        (0, country_policy_1.assertCountryAllowed)(country, req.countryRules);
        const prefix = (0, phone_number_1.numberPrefix)(req.phone);
        const client = req.clientKey ?? (0, client_ip_1.clientKey)(req.context.ip, this.config.ipv6SubnetPrefix);
        const screened = { ...req, prefix, maskedPhone: (0, mask_1.maskSplit)({ callingCode, nationalNumber }), clientKey: client };
        const fixedCode = (0, test_numbers_1.testNumberCode)(this.config, e164, this.clock.now());
        if (fixedCode)
            return { ...screened, fixedCode };
        await this.fraud.check({
            e164,
            callingCode,
            nationalNumber,
            prefix,
            country,
            userId: req.userId,
            clientIp: client,
            withStatistics: req.withStatistics,
        });
        return screened;
    }
    async send(req, factorId, reason) {
        const locale = this.renderer.localeFor(req.channel, req.locales);
        const issue = {
            userId: req.userId,
            factorId,
            phoneE164: req.phone.e164,
            prefix: req.prefix,
            purpose: req.purpose,
            clientIp: req.clientKey,
            country: req.phone.country,
            channel: req.channel,
            locale,
            fixedLine: req.fixedLine,
            reason,
        };
        if (req.fixedCode)
            return this.sent(req, await this.challenges.issueFixed(issue, req.fixedCode), 'TEST', req.channel);
        const country = req.phone.country;
        let channel = req.channel;
        let firstProvider;
        try {
            firstProvider = this.sender.firstCandidate(country, channel);
        }
        catch (err) {
            if (!this.fallsBackToVoice(channel, err))
                throw err;
            channel = 'voice';
            issue.reason = reason ?? exports.FALLBACK_NO_PROVIDER;
            firstProvider = this.sender.firstCandidate(country, channel);
        }
        const reservation = await this.reserve(channel, country, req.locales);
        let issued;
        try {
            issued = await this.challenges.issue({ ...issue, channel, firstProvider });
        }
        catch (err) {
            await this.spend.release(reservation);
            throw err;
        }
        const first = { attemptId: issued.firstAttemptId, provider: firstProvider };
        let delivery;
        try {
            delivery = await this.deliver(channel, issued, req, reservation, first, issue.reason);
        }
        catch (err) {
            if (!this.fallsBackToVoice(channel, err))
                return this.withdraw(issued, err);
            try {
                delivery = await this.deliver('voice', issued, req, await this.reserve('voice', country, req.locales), undefined, exports.FALLBACK_NO_PROVIDER);
            }
            catch (voiceErr) {
                return this.withdraw(issued, voiceErr);
            }
        }
        return this.sent(req, issued, delivery.provider, delivery.channel);
    }
    fallsBackToVoice(channel, err) {
        if (!this.config.voiceFallback || channel === 'voice')
            return false;
        if (err instanceof sms_sender_service_1.DeliveryFailed)
            return err.refund;
        return err instanceof mfa_error_1.MfaError && err.code === 'PROVIDERS_UNAVAILABLE';
    }
    reserve(channel, country, locales) {
        return this.spend.reserve(country, () => this.prices.worstCase(this.sender.priceLabels(channel), country, this.renderer.segmentsFor(locales, channel)));
    }
    async deliver(channel, issued, req, reservation, firstAttempt, reason) {
        const { e164, country } = req.phone;
        const message = this.renderer.renderFor(channel, issued.code, req.locales);
        let delivery;
        try {
            delivery = await this.sender.deliver({
                channel,
                to: e164,
                body: message.body,
                voice: message.voice,
                code: channel === 'whatsapp' ? issued.code : undefined,
                reference: issued.id,
                maxPriceUsd: this.config.maxPriceUsd,
            }, {
                challengeId: issued.id,
                userId: req.userId,
                country,
                firstAttempt,
                expiresAt: issued.expiresAt,
                encoding: message.encoding,
                segments: message.segments,
                reason,
            });
        }
        catch (err) {
            await this.spend.release(reservation).catch((cleanup) => this.logger.error(`releasing a spend reservation failed: ${(0, error_summary_1.errorSummary)(cleanup)}`));
            throw err;
        }
        await this.spend.settle(reservation, country, delivery.costUsd);
        return delivery;
    }
    async withdraw(issued, err) {
        const failed = err instanceof sms_sender_service_1.DeliveryFailed ? err : undefined;
        await this.challenges
            .withdraw(issued, failed?.refund ?? true)
            .catch((cleanup) => this.logger.error(`withdrawing an undelivered challenge failed after: ${(0, error_summary_1.errorSummary)(err)}; clean-up: ${(0, error_summary_1.errorSummary)(cleanup)}`));
        throw failed?.error ?? err;
    }
    sent(req, issued, provider, channel) {
        const { maskedPhone } = req;
        this.events.emit(mfa_events_1.MfaEvent.SmsSent, {
            userId: req.userId,
            factorId: issued.factorId,
            challengeId: issued.id,
            maskedPhone,
            provider,
            channel,
            purpose: req.purpose,
            ip: req.context.ip,
            at: issued.createdAt,
        });
        return {
            factorId: issued.factorId,
            challengeId: issued.id,
            maskedPhone,
            expiresAt: issued.expiresAt,
            resendAvailableAt: issued.resendAvailableAt,
            channel,
        };
    }
};
exports.SmsCodeDispatch = SmsCodeDispatch;
exports.SmsCodeDispatch = SmsCodeDispatch = __decorate([
    (0, common_1.Injectable)(),
    __param(5, (0, common_1.Inject)(sms_config_1.SMS_CONFIG)),
    __param(6, (0, common_1.Inject)(clock_1.Clock)),
    __metadata("design:paramtypes", [challenge_service_1.ChallengeService,
        sms_sender_service_1.SmsSender,
        message_renderer_1.MessageRenderer,
        fraud_guard_service_1.FraudGuard,
        mfa_events_1.MfaEvents, Object, Object, spend_guard_1.SpendGuard,
        price_book_1.PriceBook])
], SmsCodeDispatch);
//# sourceMappingURL=sms-code-dispatch.service.js.map