"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.INBOUND_PATH = exports.STATUS_CALLBACK_PATH = void 0;
exports.statusCallbackUrl = statusCallbackUrl;
exports.publicUrl = publicUrl;
exports.STATUS_CALLBACK_PATH = '/mfa/webhooks/twilio/status';
exports.INBOUND_PATH = '/mfa/webhooks/twilio/inbound';
function statusCallbackUrl(config) {
    return config.publicBaseUrl ? publicUrl(config, exports.STATUS_CALLBACK_PATH) : undefined;
}
function publicUrl(config, path) {
    return new URL(path.replace(/^\//, ''), (config.publicBaseUrl ?? 'http://localhost').replace(/\/?$/, '/')).toString();
}
//# sourceMappingURL=webhook-urls.js.map