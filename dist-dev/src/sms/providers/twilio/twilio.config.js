"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.TWILIO_CONFIG_KEYS = exports.TWILIO_CONFIG = exports.TWILIO_SETTINGS = void 0;
const env_rules_1 = require("../../../config/env-rules");
exports.TWILIO_SETTINGS = {
    twilioEnabled: { env: 'TWILIO_ENABLED', rule: (0, env_rules_1.bool)(), default: false },
    twilioAccountSid: { env: 'TWILIO_ACCOUNT_SID', rule: (0, env_rules_1.text)(/^AC[0-9a-fA-F]{32}$/, 'AC followed by 32 hex digits') },
    twilioAuthToken: { env: 'TWILIO_AUTH_TOKEN', rule: (0, env_rules_1.text)(), secret: true },
    twilioFromNumber: {
        env: 'TWILIO_FROM_NUMBER',
        rule: (0, env_rules_1.text)(/^\+[1-9]\d{1,14}$|^[A-Za-z0-9 ]{1,11}$/, 'an E.164 number or an alphanumeric sender id'),
    },
    twilioMessagingServiceSid: {
        env: 'TWILIO_MESSAGING_SERVICE_SID',
        rule: (0, env_rules_1.text)(/^MG[0-9a-fA-F]{32}$/, 'MG followed by 32 hex digits'),
    },
    twilioApiBaseUrl: { env: 'TWILIO_API_BASE_URL', rule: (0, env_rules_1.url)(['http', 'https']) },
    twilioWhatsappFrom: { env: 'TWILIO_WHATSAPP_FROM', rule: (0, env_rules_1.text)(/^\+[1-9]\d{1,14}$/, 'an E.164 number') },
    twilioWhatsappContentSid: {
        env: 'TWILIO_WHATSAPP_CONTENT_SID',
        rule: (0, env_rules_1.text)(/^HX[0-9a-fA-F]{32}$/, 'HX followed by 32 hex digits'),
    },
};
exports.TWILIO_CONFIG = Symbol('TWILIO_CONFIG');
exports.TWILIO_CONFIG_KEYS = [...(0, env_rules_1.settingKeys)(exports.TWILIO_SETTINGS), 'publicBaseUrl', 'providerTimeoutMs'];
//# sourceMappingURL=twilio.config.js.map