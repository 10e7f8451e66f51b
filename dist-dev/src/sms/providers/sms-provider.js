"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.SMS_PROVIDERS = exports.ProviderError = exports.CHANNELS = void 0;
exports.channelsOf = channelsOf;
exports.CHANNELS = ['sms', 'voice', 'whatsapp'];
const KIND_OF = {
    timeout: 'transient',
    network: 'transient',
    server: 'transient',
    throttled: 'transient',
    account: 'transient',
    region: 'rejected',
    request: 'rejected',
    content: 'rejected',
    invalid_number: 'permanent',
    opted_out: 'permanent',
    not_mobile: 'permanent',
};
class ProviderError extends Error {
    reason;
    providerCode;
    kind;
    constructor(reason, providerCode) {
        const kind = KIND_OF[reason];
        super(`${kind} provider failure: ${reason}${providerCode ? ` (${providerCode})` : ''}`);
        this.reason = reason;
        this.providerCode = providerCode;
        this.kind = kind;
        this.name = 'ProviderError';
    }
}
exports.ProviderError = ProviderError;
function channelsOf(provider) {
    return provider.channels ?? ['sms'];
}
exports.SMS_PROVIDERS = Symbol('SMS_PROVIDERS');
//# sourceMappingURL=sms-provider.js.map