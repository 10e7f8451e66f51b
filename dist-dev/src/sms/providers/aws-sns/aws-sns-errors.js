"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.SNS_ERRORS = void 0;
exports.classifySnsError = classifySnsError;
const sms_provider_1 = require("../sms-provider");
const aws_transport_error_1 = require("../aws-transport-error");
exports.SNS_ERRORS = {
    OptedOut: 'opted_out',
    AuthorizationError: 'account',
    AccessDenied: 'account',
    InvalidClientTokenId: 'account',
    SignatureDoesNotMatch: 'account',
    ExpiredToken: 'account',
    InvalidSecurity: 'account',
    UnrecognizedClient: 'account',
    KMSAccessDenied: 'account',
    KMSDisabled: 'account',
    KMSInvalidState: 'account',
    KMSNotFound: 'account',
    KMSOptInRequired: 'account',
    Throttled: 'throttled',
    Throttling: 'throttled',
    KMSThrottling: 'throttled',
    InternalError: 'server',
    InternalFailure: 'server',
    ServiceUnavailable: 'server',
    NotFound: 'request',
    InvalidAction: 'request',
    ValidationError: 'request',
};
const PARAMETER_ERRORS = new Set(['InvalidParameter', 'InvalidParameterValue', 'Validation']);
function classifySnsError(err) {
    const e = err;
    const name = e.name ?? 'Error';
    const code = name.replace(/Exception$/, '');
    const status = e.$metadata?.httpStatusCode;
    if (PARAMETER_ERRORS.has(code)) {
        if (/opted.?out/i.test(e.message ?? ''))
            return new sms_provider_1.ProviderError('opted_out', name);
        return new sms_provider_1.ProviderError(/phone ?number/i.test(e.message ?? '') ? 'invalid_number' : 'request', name);
    }
    const known = exports.SNS_ERRORS[code];
    if (known)
        return new sms_provider_1.ProviderError(known, name);
    return (0, aws_transport_error_1.classifyAwsTransport)(name, status, e.code);
}
//# sourceMappingURL=aws-sns-errors.js.map