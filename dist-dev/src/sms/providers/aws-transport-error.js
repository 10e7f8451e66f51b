"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.classifyAwsTransport = classifyAwsTransport;
const sms_provider_1 = require("./sms-provider");
function classifyAwsTransport(name, status, code) {
    if (name === 'AbortError' || name === 'TimeoutError' || code === 'ETIMEDOUT')
        return new sms_provider_1.ProviderError('timeout', name);
    if (status === 429)
        return new sms_provider_1.ProviderError('throttled', name);
    if (status === 401 || status === 403)
        return new sms_provider_1.ProviderError('account', name);
    if (status !== undefined && status >= 500)
        return new sms_provider_1.ProviderError('server', name);
    if (status !== undefined)
        return new sms_provider_1.ProviderError('request', name);
    return new sms_provider_1.ProviderError('network', code ?? name);
}
//# sourceMappingURL=aws-transport-error.js.map