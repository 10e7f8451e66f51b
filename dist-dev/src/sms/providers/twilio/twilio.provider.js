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
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.TwilioSmsProvider = void 0;
const common_1 = require("@nestjs/common");
const twilio_1 = __importDefault(require("twilio"));
const RequestClient_1 = __importDefault(require("twilio/lib/base/RequestClient"));
const twilio_config_1 = require("./twilio.config");
const twilio_errors_1 = require("./twilio-errors");
const webhook_urls_1 = require("../../../webhooks/webhook-urls");
class BaseUrlRequestClient extends RequestClient_1.default {
    baseUrl;
    constructor(baseUrl, options) {
        super(options);
        this.baseUrl = baseUrl;
    }
    request(opts) {
        if (this.baseUrl) {
            const target = new URL(opts.uri);
            opts = { ...opts, uri: new URL(target.pathname + target.search, this.baseUrl).toString() };
        }
        return super.request(opts);
    }
}
const TWILIO_VOICE_LANGUAGES = {
    en: 'en-US',
    es: 'es-ES',
    fr: 'fr-FR',
    ar: 'ar-AE',
    ru: 'ru-RU',
    tr: 'tr-TR',
    uk: 'uk-UA',
};
function twilioVoiceTwiml(voice) {
    const language = TWILIO_VOICE_LANGUAGES[voice.script.locale];
    const script = language ? voice.script : voice.english;
    const say = { language: (language ?? TWILIO_VOICE_LANGUAGES.en) };
    const twiml = new twilio_1.default.twiml.VoiceResponse();
    for (const [index, line] of [script.intro, script.repeat].entries()) {
        if (index > 0)
            twiml.pause({ length: 1 });
        twiml.say(say, line);
        twiml.say(say, script.digits.join(', ') + '.');
    }
    twiml.say(say, script.warning);
    return twiml.toString();
}
let TwilioSmsProvider = class TwilioSmsProvider {
    config;
    name = 'TWILIO';
    enabled;
    channels;
    client;
    constructor(config) {
        this.config = config;
        this.enabled = config.twilioEnabled;
        this.channels = [
            'sms',
            ...(config.twilioFromNumber?.startsWith('+') ? ['voice'] : []),
            ...(config.twilioWhatsappFrom && config.twilioWhatsappContentSid ? ['whatsapp'] : []),
        ];
        if (!this.enabled)
            return;
        this.client = (0, twilio_1.default)(config.twilioAccountSid, config.twilioAuthToken, {
            httpClient: new BaseUrlRequestClient(config.twilioApiBaseUrl, {
                timeout: config.providerTimeoutMs,
                keepAlive: true,
                autoRetry: false,
            }),
        });
    }
    async send(message) {
        try {
            return message.channel === 'voice' ? await this.call(message) : await this.message(message);
        }
        catch (err) {
            throw (0, twilio_errors_1.classifyTwilioError)(err);
        }
    }
    async message(message) {
        const { twilioFromNumber, twilioMessagingServiceSid, twilioWhatsappFrom, twilioWhatsappContentSid } = this.config;
        const callback = (0, webhook_urls_1.statusCallbackUrl)(this.config);
        const whatsapp = message.channel === 'whatsapp';
        const sent = await this.client.messages.create({
            ...(whatsapp
                ? {
                    to: `whatsapp:${message.to}`,
                    from: `whatsapp:${twilioWhatsappFrom}`,
                    contentSid: twilioWhatsappContentSid,
                    contentVariables: JSON.stringify({ 1: message.code }),
                }
                : {
                    to: message.to,
                    body: message.body,
                    ...(twilioMessagingServiceSid ? { messagingServiceSid: twilioMessagingServiceSid } : { from: twilioFromNumber }),
                }),
            ...(callback ? { statusCallback: callback } : {}),
            validityPeriod: Math.min(14_400, Math.max(1, Math.floor(message.validitySeconds))),
            ...(message.maxPriceUsd !== undefined ? { maxPrice: message.maxPriceUsd } : {}),
        });
        return {
            providerMessageId: sent.sid,
            status: sent.status === 'sent' || sent.status === 'delivered' ? sent.status : 'queued',
            segments: sent.numSegments ? Number(sent.numSegments) : undefined,
            price: sent.price ? Math.abs(Number(sent.price)) : undefined,
            currency: sent.priceUnit ?? undefined,
        };
    }
    async call(message) {
        const callback = (0, webhook_urls_1.statusCallbackUrl)(this.config);
        const call = await this.client.calls.create({
            to: message.to,
            from: this.config.twilioFromNumber,
            twiml: twilioVoiceTwiml(message.voice),
            timeout: 30,
            timeLimit: 60,
            ...(callback ? { statusCallback: callback, statusCallbackEvent: ['answered', 'completed'] } : {}),
        });
        return { providerMessageId: call.sid, status: 'queued', segments: 1 };
    }
    async confirmConversion(providerMessageId, channel) {
        if (channel === 'voice')
            return;
        try {
            await this.client.messages(providerMessageId).feedback.create({ outcome: 'confirmed' });
        }
        catch (err) {
            throw (0, twilio_errors_1.classifyTwilioError)(err);
        }
    }
};
exports.TwilioSmsProvider = TwilioSmsProvider;
exports.TwilioSmsProvider = TwilioSmsProvider = __decorate([
    (0, common_1.Injectable)(),
    __param(0, (0, common_1.Inject)(twilio_config_1.TWILIO_CONFIG)),
    __metadata("design:paramtypes", [Object])
], TwilioSmsProvider);
//# sourceMappingURL=twilio.provider.js.map