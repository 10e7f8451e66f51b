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
exports.MessageRenderer = void 0;
const common_1 = require("@nestjs/common");
const sms_config_1 = require("../sms.config");
const catalog_1 = require("./catalog");
const locale_1 = require("./locale");
const sms_encoding_1 = require("./sms-encoding");
const voice_scripts_1 = require("./voice-scripts");
const VOICE_LOCALES = Object.keys(voice_scripts_1.VOICE_PHRASES);
const SENTENCE_END_CHARS = '.።。';
const SENTENCE_END = new RegExp(`[${SENTENCE_END_CHARS}]`);
let MessageRenderer = class MessageRenderer {
    config;
    logger = new common_1.Logger('MessageRenderer');
    templates;
    shorterForms;
    locales;
    segmentsByLocale;
    constructor(config) {
        this.config = config;
        this.templates = { ...catalog_1.BUILT_IN_TEMPLATES, ...config.templates };
        this.locales = Object.keys(this.templates);
        this.shorterForms = Object.fromEntries(Object.entries(this.templates).map(([locale, t]) => [locale, [withoutSentenceOf(t, '{minutes}'), firstSentence(t)]]));
        this.segmentsByLocale = Object.fromEntries(this.locales.map((l) => [l, this.render('0'.repeat(config.codeLength), [l]).segments]));
        const long = this.locales.filter((l) => this.segmentsByLocale[l] > 1);
        if (long.length) {
            this.logger.warn(`messages in ${long.join(', ')} take more than one segment with this app name, code length and domain`);
        }
    }
    segmentsFor(preferences = [], channel = 'sms') {
        return channel === 'voice' ? 1 : this.segmentsByLocale[this.localeFor(channel, preferences)];
    }
    localeFor(channel, preferences) {
        return channel === 'voice'
            ? (0, locale_1.negotiateLocale)(preferences, VOICE_LOCALES, voice_scripts_1.VOICE_FALLBACK_LOCALE)
            : (0, locale_1.negotiateLocale)(preferences, this.locales, catalog_1.DEFAULT_LOCALE);
    }
    renderFor(channel, code, preferences = []) {
        return channel === 'voice' ? this.renderVoice(code, preferences) : this.render(code, preferences);
    }
    render(code, preferences = []) {
        const locale = this.localeFor('sms', preferences);
        const footer = this.footer(code);
        let body = this.fill(this.templates[locale], code) + footer;
        let size = (0, sms_encoding_1.smsSize)(body);
        for (const shorter of footer ? this.shorterForms[locale] : []) {
            if (size.segments === 1)
                break;
            body = this.fill(shorter, code) + footer;
            size = (0, sms_encoding_1.smsSize)(body);
        }
        return { body, locale, ...size };
    }
    renderVoice(code, preferences) {
        const locale = this.localeFor('voice', preferences);
        const script = (0, voice_scripts_1.voiceScript)(locale, this.config.appName, code);
        const english = locale === voice_scripts_1.VOICE_FALLBACK_LOCALE ? script : (0, voice_scripts_1.voiceScript)(voice_scripts_1.VOICE_FALLBACK_LOCALE, this.config.appName, code);
        return { body: (0, voice_scripts_1.spokenText)(script), locale, encoding: 'voice', segments: 1, voice: { script, english } };
    }
    fill(template, code) {
        const values = {
            app: this.config.appName,
            code,
            minutes: String(this.config.codeValidityMinutes),
        };
        return template.replace(/\{(app|code|minutes)\}/g, (_, key) => values[key]);
    }
    footer(code) {
        const { webOtpDomain, androidAppHash } = this.config;
        if (webOtpDomain)
            return `\n\n@${webOtpDomain} #${code}${androidAppHash ? ` ${androidAppHash}` : ''}`;
        return androidAppHash ? `\n\n${androidAppHash}` : '';
    }
};
exports.MessageRenderer = MessageRenderer;
exports.MessageRenderer = MessageRenderer = __decorate([
    (0, common_1.Injectable)(),
    __param(0, (0, common_1.Inject)(sms_config_1.SMS_CONFIG)),
    __metadata("design:paramtypes", [Object])
], MessageRenderer);
function withoutSentenceOf(template, placeholder) {
    const at = template.indexOf(placeholder);
    if (at < 0)
        return template;
    const before = template.slice(0, at);
    const start = Math.max(...[...SENTENCE_END_CHARS].map((c) => before.lastIndexOf(c))) + 1;
    const rest = template.slice(at);
    const end = rest.search(SENTENCE_END);
    return end < 0 ? template : (template.slice(0, start) + template.slice(at + end + 1)).replace(/\s{2,}/g, ' ');
}
function firstSentence(template) {
    const after = template.indexOf('{code}');
    const end = template.slice(after).search(SENTENCE_END);
    return end < 0 ? template : template.slice(0, after + end + 1);
}
//# sourceMappingURL=message-renderer.js.map