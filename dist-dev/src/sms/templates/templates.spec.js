"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
const strict_1 = __importDefault(require("node:assert/strict"));
const node_test_1 = require("node:test");
const mfa_config_1 = require("../../config/mfa-config");
const catalog_1 = require("./catalog");
const locale_1 = require("./locale");
const message_renderer_1 = require("./message-renderer");
const sms_encoding_1 = require("./sms-encoding");
const voice_scripts_1 = require("./voice-scripts");
const LOCALES = ['en', 'es', 'fr', 'ar', 'fa', 'ps', 'uk', 'ru', 'tr', 'so', 'ti', 'sw'];
const GSM7 = new Set(['en', 'es', 'fr', 'so', 'sw']);
(0, node_test_1.describe)('built-in templates', () => {
    const renderer = new message_renderer_1.MessageRenderer((0, mfa_config_1.loadMfaConfig)({ SMS_CODE_LENGTH: '10' }));
    (0, node_test_1.it)('cover every language of the people served', () => {
        strict_1.default.deepEqual(Object.keys(catalog_1.BUILT_IN_TEMPLATES).sort(), [...LOCALES].sort());
    });
    for (const locale of LOCALES) {
        (0, node_test_1.it)(`${locale}: fills every placeholder and fits one ${GSM7.has(locale) ? 'GSM-7' : 'UCS-2'} segment with a 10-digit code`, () => {
            const message = renderer.render('0123456789', [locale]);
            strict_1.default.equal(message.locale, locale);
            strict_1.default.ok(message.body.includes('0123456789'));
            strict_1.default.ok(message.body.includes('Haven Health'));
            strict_1.default.ok(message.body.includes('10'));
            strict_1.default.doesNotMatch(message.body, /[{}]/);
            strict_1.default.equal(message.encoding, GSM7.has(locale) ? 'GSM-7' : 'UCS-2');
            strict_1.default.equal(message.segments, 1);
        });
    }
});
(0, node_test_1.describe)('smsSize', () => {
    (0, node_test_1.it)('counts GSM-7 septets, extension characters as two, and splits at 153 per part', () => {
        strict_1.default.deepEqual((0, sms_encoding_1.smsSize)('a'.repeat(160)), { encoding: 'GSM-7', units: 160, segments: 1 });
        strict_1.default.deepEqual((0, sms_encoding_1.smsSize)('a'.repeat(161)), { encoding: 'GSM-7', units: 161, segments: 2 });
        strict_1.default.deepEqual((0, sms_encoding_1.smsSize)('€'.repeat(80)), { encoding: 'GSM-7', units: 160, segments: 1 });
    });
    (0, node_test_1.it)('switches the whole message to UCS-2 for one character outside GSM-7, 67 per part', () => {
        strict_1.default.deepEqual((0, sms_encoding_1.smsSize)('a'.repeat(69) + 'ş'), { encoding: 'UCS-2', units: 70, segments: 1 });
        strict_1.default.deepEqual((0, sms_encoding_1.smsSize)('a'.repeat(70) + 'ş'), { encoding: 'UCS-2', units: 71, segments: 2 });
        strict_1.default.equal((0, sms_encoding_1.smsSize)('código').encoding, 'UCS-2');
    });
});
(0, node_test_1.describe)('locale negotiation', () => {
    const available = [...LOCALES, 'pt-BR'];
    (0, node_test_1.it)('honours Accept-Language q-values and falls back from a region to its language', () => {
        strict_1.default.equal((0, locale_1.negotiateLocale)(['de-DE,de;q=0.9,fr;q=0.8,en;q=0.7'], available, 'en'), 'fr');
        strict_1.default.equal((0, locale_1.negotiateLocale)(['ar-SY'], available, 'en'), 'ar');
        strict_1.default.equal((0, locale_1.negotiateLocale)(['pt-br'], available, 'en'), 'pt-BR');
        strict_1.default.equal((0, locale_1.negotiateLocale)(['en;q=0.2, so'], available, 'en'), 'so');
    });
    (0, node_test_1.it)('prefers earlier sources, skips unusable ones and falls back to en', () => {
        strict_1.default.equal((0, locale_1.negotiateLocale)([undefined, 'ti', 'fa'], available, 'en'), 'ti');
        strict_1.default.equal((0, locale_1.negotiateLocale)(['xx', 'fa'], available, 'en'), 'fa');
        strict_1.default.equal((0, locale_1.negotiateLocale)(['de', '*', 'q=1'], available, 'en'), 'en');
    });
    (0, node_test_1.it)('parses junk without throwing', () => {
        strict_1.default.deepEqual((0, locale_1.parseAcceptLanguage)(';;;,,q=abc, fr;q=0, <script>'), []);
    });
});
(0, node_test_1.describe)('message options', () => {
    (0, node_test_1.it)('lets host templates override and add locales', () => {
        const renderer = new message_renderer_1.MessageRenderer((0, mfa_config_1.loadMfaConfig)({}, { templates: { en: 'Code {code} for {app}', 'pt-BR': 'Seu codigo {app}: {code}' } }));
        strict_1.default.equal(renderer.render('123456').body, 'Code 123456 for Haven Health');
        strict_1.default.equal(renderer.render('123456', ['pt-BR']).body, 'Seu codigo Haven Health: 123456');
    });
    (0, node_test_1.it)('ends with the origin-bound WebOTP line when SMS_WEBOTP_DOMAIN is set', () => {
        const renderer = new message_renderer_1.MessageRenderer((0, mfa_config_1.loadMfaConfig)({ SMS_WEBOTP_DOMAIN: 'health.example.org' }));
        const lines = renderer.render('482913').body.split('\n');
        strict_1.default.equal(lines.at(-1), '@health.example.org #482913');
        strict_1.default.equal(lines.at(-2), '');
    });
    (0, node_test_1.it)('refuses a host template without {code} at start-up', () => {
        strict_1.default.throws(() => (0, mfa_config_1.loadMfaConfig)({}, { templates: { en: 'no code here' } }), /SMS_TEMPLATES_JSON/);
    });
});
(0, node_test_1.describe)('voice scripts', () => {
    const renderer = new message_renderer_1.MessageRenderer((0, mfa_config_1.loadMfaConfig)({}));
    for (const locale of LOCALES) {
        (0, node_test_1.it)(`${locale}: the digits one by one, twice, in the language where the voices speak it (English otherwise)`, () => {
            const call = renderer.renderFor('voice', '482913', [locale]);
            const spoken = voice_scripts_1.VOICE_PHRASES[locale] ? locale : 'en';
            strict_1.default.equal(call.locale, spoken);
            strict_1.default.equal(call.voice.script.locale, spoken);
            strict_1.default.deepEqual(call.voice.script.digits, ['4', '8', '2', '9', '1', '3']);
            strict_1.default.equal(call.voice.english.locale, 'en');
            strict_1.default.ok(call.voice.script.intro.includes('Haven Health'));
            strict_1.default.equal(call.body.split('4, 8, 2, 9, 1, 3.').length, 3, 'said twice');
            strict_1.default.equal(call.segments, 1);
            strict_1.default.equal(call.encoding, 'voice');
        });
    }
});
(0, node_test_1.describe)('the SMS Retriever hash (SMS_ANDROID_APP_HASH)', () => {
    const hash = 'FA+9qCX9VSu';
    for (const locale of LOCALES) {
        (0, node_test_1.it)(`${locale}: with the WebOTP line, the hash ends the message, and it stays one segment`, () => {
            const renderer = new message_renderer_1.MessageRenderer((0, mfa_config_1.loadMfaConfig)({}, { webOtpDomain: 'health.example.org', androidAppHash: hash }));
            const { body, segments } = renderer.render('482913', [locale]);
            strict_1.default.equal(segments, 1, body);
            const lines = body.split('\n');
            strict_1.default.equal(lines.at(-1), `@health.example.org #482913 ${hash}`);
            strict_1.default.ok(body.slice(0, body.lastIndexOf('\n')).includes('482913'), 'the code is in the text too');
        });
    }
    (0, node_test_1.it)('without a WebOTP domain, the hash is the last line', () => {
        const renderer = new message_renderer_1.MessageRenderer((0, mfa_config_1.loadMfaConfig)({}, { androidAppHash: hash }));
        const { body, segments } = renderer.render('482913', ['en']);
        strict_1.default.equal(body.split('\n').at(-1), hash);
        strict_1.default.equal(segments, 1);
        strict_1.default.match(body, /expires in 10 min/, 'the full message fits: nothing dropped');
    });
    (0, node_test_1.it)('is refused at start-up unless it is 11 characters of the hash alphabet', () => {
        for (const bad of ['short', 'FA+9qCX9VSu1', 'FA 9qCX9VSu', 'FA+9qCX9VS!']) {
            strict_1.default.throws(() => (0, mfa_config_1.loadMfaConfig)({ SMS_ANDROID_APP_HASH: bad }), /SMS_ANDROID_APP_HASH must be/);
        }
    });
});
//# sourceMappingURL=templates.spec.js.map