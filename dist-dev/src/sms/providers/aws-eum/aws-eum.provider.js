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
exports.AwsEumProvider = exports.EUM_VOICES = void 0;
exports.eumTimeToLive = eumTimeToLive;
exports.eumVoiceFor = eumVoiceFor;
exports.voiceSsml = voiceSsml;
const common_1 = require("@nestjs/common");
const client_pinpoint_sms_voice_v2_1 = require("@aws-sdk/client-pinpoint-sms-voice-v2");
const aws_client_1 = require("../aws-client");
const aws_eum_config_1 = require("./aws-eum.config");
const sms_provider_1 = require("../sms-provider");
const aws_eum_errors_1 = require("./aws-eum-errors");
const EUM_TTL_MIN = 5;
const EUM_TTL_MAX = 259_200;
exports.EUM_VOICES = {
    en: 'JOANNA',
    es: 'LUCIA',
    fr: 'LEA',
    ar: 'ZEINA',
    ru: 'TATYANA',
    tr: 'FILIZ',
};
const FALLBACK_VOICE = 'JOANNA';
let AwsEumProvider = class AwsEumProvider {
    config;
    name = 'AWS_EUM';
    channels = ['sms', 'voice'];
    enabled;
    client;
    constructor(config) {
        this.config = config;
        this.enabled = config.awsEumEnabled;
        if (!this.enabled)
            return;
        this.client = new client_pinpoint_sms_voice_v2_1.PinpointSMSVoiceV2Client((0, aws_client_1.awsClientOptions)(config.awsEumRegion, config.awsEumEndpoint, config.providerTimeoutMs));
    }
    async send(message, signal) {
        if (message.channel !== 'sms' && message.channel !== 'voice') {
            throw new sms_provider_1.ProviderError('request', 'channel_not_served');
        }
        try {
            const out = message.channel === 'sms'
                ? await this.client.send(this.textCommand(message), { abortSignal: signal })
                : await this.client.send(this.voiceCommand(message), { abortSignal: signal });
            return { providerMessageId: out.MessageId, status: 'queued' };
        }
        catch (err) {
            throw (0, aws_eum_errors_1.classifyEumError)(err);
        }
    }
    async confirmConversion(providerMessageId) {
        try {
            await this.client.send(new client_pinpoint_sms_voice_v2_1.PutMessageFeedbackCommand({ MessageId: providerMessageId, MessageFeedbackStatus: 'RECEIVED' }));
        }
        catch (err) {
            throw (0, aws_eum_errors_1.classifyEumError)(err);
        }
    }
    destroy() {
        this.client?.destroy();
    }
    textCommand(message) {
        return new client_pinpoint_sms_voice_v2_1.SendTextMessageCommand({
            DestinationPhoneNumber: message.to,
            MessageBody: message.body,
            MessageType: 'TRANSACTIONAL',
            OriginationIdentity: this.config.awsEumOriginationIdentity,
            ConfigurationSetName: this.config.awsEumConfigurationSet,
            TimeToLive: eumTimeToLive(message.validitySeconds),
            MaxPrice: message.maxPriceUsd !== undefined ? message.maxPriceUsd.toFixed(5) : undefined,
            MessageFeedbackEnabled: true,
            Context: { challengeId: message.reference },
        });
    }
    voiceCommand(message) {
        const origination = this.config.awsEumOriginationIdentity;
        if (!origination)
            throw new sms_provider_1.ProviderError('request', 'no_origination_identity');
        const { script, voiceId } = eumVoiceFor(message);
        return new client_pinpoint_sms_voice_v2_1.SendVoiceMessageCommand({
            DestinationPhoneNumber: message.to,
            OriginationIdentity: origination,
            MessageBody: voiceSsml(script),
            MessageBodyTextType: 'SSML',
            VoiceId: voiceId,
            ConfigurationSetName: this.config.awsEumConfigurationSet,
            TimeToLive: eumTimeToLive(message.validitySeconds),
            MaxPricePerMinute: message.maxPriceUsd !== undefined ? message.maxPriceUsd.toFixed(5) : undefined,
            MessageFeedbackEnabled: true,
            Context: { challengeId: message.reference },
        });
    }
};
exports.AwsEumProvider = AwsEumProvider;
exports.AwsEumProvider = AwsEumProvider = __decorate([
    (0, common_1.Injectable)(),
    __param(0, (0, common_1.Inject)(aws_eum_config_1.AWS_EUM_CONFIG)),
    __metadata("design:paramtypes", [Object])
], AwsEumProvider);
function eumTimeToLive(validitySeconds) {
    const whole = Number.isFinite(validitySeconds) ? Math.floor(validitySeconds) : EUM_TTL_MIN;
    return Math.min(EUM_TTL_MAX, Math.max(EUM_TTL_MIN, whole));
}
function eumVoiceFor(message) {
    if (!message.voice)
        throw new sms_provider_1.ProviderError('request', 'no_voice_script');
    const { script, english } = message.voice;
    const voiceId = exports.EUM_VOICES[script.locale] ?? exports.EUM_VOICES[script.locale.split('-')[0]];
    return voiceId ? { script, voiceId } : { script: english, voiceId: FALLBACK_VOICE };
}
function voiceSsml(script) {
    const digits = script.digits.map(escapeXml).join('<break time="400ms"/>');
    return (`<speak>${escapeXml(script.intro)}<break time="300ms"/>${digits}` +
        `<break time="1s"/>${escapeXml(script.repeat)}<break time="300ms"/>${digits}` +
        `<break time="700ms"/>${escapeXml(script.warning)}</speak>`);
}
const XML_ENTITIES = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };
function escapeXml(text) {
    return text.replace(/[&<>"']/g, (c) => XML_ENTITIES[c]);
}
//# sourceMappingURL=aws-eum.provider.js.map