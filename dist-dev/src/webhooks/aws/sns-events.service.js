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
exports.SnsEventsService = void 0;
const common_1 = require("@nestjs/common");
const clock_1 = require("../../common/clock");
const mfa_error_1 = require("../../common/mfa-error");
const delivery_service_1 = require("../delivery.service");
const aws_events_config_1 = require("./aws-events.config");
const eum_events_1 = require("./eum-events");
const sns_message_1 = require("./sns-message");
const sns_signature_verifier_1 = require("./sns-signature-verifier");
const MAX_AGE_MS = 60 * 60_000;
const MAX_SKEW_MS = 5 * 60_000;
const SEEN_IDS = 10_000;
let SnsEventsService = class SnsEventsService {
    config;
    clock;
    delivery;
    logger = new common_1.Logger('AwsDeliveryEvents');
    verifier;
    seen = new Set();
    constructor(config, clock, delivery) {
        this.config = config;
        this.clock = clock;
        this.delivery = delivery;
        this.verifier = new sns_signature_verifier_1.SnsSignatureVerifier({
            certUrlPattern: new RegExp(config.awsSnsCertUrlPattern),
            now: () => clock.now(),
            certificateTimeoutMs: config.providerTimeoutMs,
        });
    }
    async receive(body) {
        if (!this.config.awsEumEnabled)
            throw new mfa_error_1.MfaError('NOT_FOUND');
        const message = await this.authenticated(body);
        if (this.seen.has(message.MessageId))
            return;
        switch (message.Type) {
            case 'SubscriptionConfirmation':
                await this.confirm(message);
                break;
            case 'Notification': {
                const report = (0, eum_events_1.eumEventReport)(message.Message);
                if (report)
                    await this.delivery.report(report);
                break;
            }
            default:
                this.logger.warn(`SNS ${message.Type} for ${message.TopicArn}`);
        }
        this.remember(message.MessageId);
    }
    async authenticated(body) {
        let message;
        try {
            message = (0, sns_message_1.parseSnsMessage)(body);
        }
        catch (err) {
            if (err instanceof sns_message_1.InvalidSnsMessage && err.reason === 'not JSON') {
                throw new mfa_error_1.MfaError('VALIDATION_FAILED', 'The body must be an SNS message (JSON).');
            }
            throw new mfa_error_1.MfaError('FORBIDDEN', 'Not a signed SNS message.');
        }
        const { awsSnsTopicArns } = this.config;
        if (awsSnsTopicArns.length && !awsSnsTopicArns.includes(message.TopicArn)) {
            throw new mfa_error_1.MfaError('FORBIDDEN', 'This SNS topic is not accepted.');
        }
        try {
            await this.verifier.verify(message);
        }
        catch (err) {
            const reason = err instanceof sns_signature_verifier_1.InvalidSnsSignature ? err.reason : 'certificate';
            this.logger.warn(`SNS message refused: ${reason}`);
            throw new mfa_error_1.MfaError('FORBIDDEN', 'Invalid SNS signature.');
        }
        const age = this.clock.now().getTime() - Date.parse(message.Timestamp);
        if (!(age <= MAX_AGE_MS && age >= -MAX_SKEW_MS)) {
            throw new mfa_error_1.MfaError('FORBIDDEN', 'The SNS message is too old (or from the future).');
        }
        return message;
    }
    async confirm(message) {
        const url = message.SubscribeURL;
        if (!(0, sns_signature_verifier_1.sameOrigin)(url, message.SigningCertURL)) {
            throw new mfa_error_1.MfaError('FORBIDDEN', 'The subscription URL is not on the SNS host.');
        }
        const response = await fetch(url, {
            redirect: 'error',
            signal: AbortSignal.timeout(this.config.providerTimeoutMs),
        }).catch(() => undefined);
        if (!response?.ok) {
            throw new mfa_error_1.MfaError('SERVICE_UNAVAILABLE', 'The subscription could not be confirmed: try again.', { retryAfterSeconds: 30 });
        }
        await response.body?.cancel();
        this.logger.log(`subscribed to ${message.TopicArn}`);
    }
    remember(id) {
        this.seen.add(id);
        if (this.seen.size > SEEN_IDS)
            this.seen.delete(this.seen.values().next().value);
    }
};
exports.SnsEventsService = SnsEventsService;
exports.SnsEventsService = SnsEventsService = __decorate([
    (0, common_1.Injectable)(),
    __param(0, (0, common_1.Inject)(aws_events_config_1.AWS_EVENTS_CONFIG)),
    __param(1, (0, common_1.Inject)(clock_1.Clock)),
    __metadata("design:paramtypes", [Object, Object, delivery_service_1.DeliveryService])
], SnsEventsService);
//# sourceMappingURL=sns-events.service.js.map