"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.TWILIO_ERRORS = void 0;
exports.classifyTwilioError = classifyTwilioError;
const sms_provider_1 = require("../sms-provider");
exports.TWILIO_ERRORS = {
    21211: 'invalid_number',
    21214: 'invalid_number',
    21217: 'invalid_number',
    21401: 'invalid_number',
    21407: 'not_mobile',
    21421: 'invalid_number',
    21614: 'not_mobile',
    21610: 'opted_out',
    13223: 'invalid_number',
    13224: 'invalid_number',
    21408: 'region',
    21612: 'region',
    21608: 'region',
    21215: 'region',
    13227: 'region',
    21602: 'content',
    21605: 'content',
    21617: 'content',
    21619: 'content',
    30007: 'content',
    63016: 'content',
    63024: 'content',
    63027: 'content',
    21603: 'request',
    21604: 'request',
    21606: 'request',
    21212: 'request',
    21210: 'request',
    21659: 'request',
    21660: 'request',
    21701: 'request',
    21703: 'request',
    21704: 'request',
    21705: 'request',
    20003: 'account',
    20005: 'account',
    20006: 'account',
    20404: 'account',
    10001: 'account',
    10002: 'account',
    30002: 'account',
    20429: 'throttled',
    14107: 'throttled',
    30001: 'throttled',
    21611: 'throttled',
    63018: 'throttled',
};
function classifyTwilioError(err) {
    const e = err;
    if (typeof e.status === 'number') {
        const numeric = typeof e.code === 'number' ? e.code : undefined;
        const known = numeric !== undefined ? exports.TWILIO_ERRORS[numeric] : undefined;
        const code = String(numeric ?? e.status);
        if (known)
            return new sms_provider_1.ProviderError(known, code);
        if (e.status === 401 || e.status === 403)
            return new sms_provider_1.ProviderError('account', code);
        if (e.status === 429)
            return new sms_provider_1.ProviderError('throttled', code);
        if (e.status >= 500)
            return new sms_provider_1.ProviderError('server', code);
        return new sms_provider_1.ProviderError('request', code);
    }
    const code = typeof e.code === 'string' ? e.code : undefined;
    if (code === 'ECONNABORTED' || code === 'ETIMEDOUT')
        return new sms_provider_1.ProviderError('timeout', code);
    return new sms_provider_1.ProviderError('network', code);
}
//# sourceMappingURL=twilio-errors.js.map