"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.EUM_ERRORS = void 0;
exports.classifyEumError = classifyEumError;
const sms_provider_1 = require("../sms-provider");
const aws_transport_error_1 = require("../aws-transport-error");
exports.EUM_ERRORS = {
    'ConflictException:DESTINATION_PHONE_NUMBER_OPTED_OUT': 'opted_out',
    'ValidationException:DESTINATION_COUNTRY_BLOCKED': 'region',
    'ValidationException:COUNTRY_CODE_MISMATCH': 'region',
    'ValidationException:INTERNATIONAL_SENDING_NOT_SUPPORTED': 'region',
    'ValidationException:INVALID_IDENTITY_FOR_DESTINATION_COUNTRY': 'region',
    'ValidationException:SENDER_ID_NOT_REGISTERED': 'region',
    'ValidationException:SENDER_ID_NOT_SUPPORTED': 'region',
    'ValidationException:SENDER_ID_REQUIRES_REGISTRATION': 'region',
    'ValidationException:VOICE_CAPABILITY_NOT_AVAILABLE': 'region',
    'ConflictException:DESTINATION_COUNTRY_BLOCKED_BY_PROTECT_CONFIGURATION': 'region',
    'ConflictException:NO_ORIGINATION_IDENTITIES_FOUND': 'region',
    'ConflictException:DESTINATION_PHONE_NUMBER_NOT_VERIFIED': 'region',
    'ValidationException:INVALID_PARAMETER': 'request',
    'ValidationException:INVALID_REQUEST': 'request',
    'ValidationException:MISSING_PARAMETER': 'request',
    'ValidationException:PARAMETERS_CANNOT_BE_USED_TOGETHER': 'request',
    'ValidationException:UNSPECIFIED_PARAMETER_NOT_SUPPORTED': 'request',
    'ValidationException:FIELD_VALIDATION_FAILED': 'request',
    'ValidationException:CANNOT_PARSE': 'request',
    'ValidationException:INVALID_ARN': 'request',
    'ValidationException:RESOURCE_NOT_ACCESSIBLE': 'request',
    'ValidationException:CHANNEL_NOT_ENABLED': 'request',
    'ValidationException:PRICE_OVER_THRESHOLD': 'request',
    'ValidationException:MAXIMUM_SIZE_EXCEEDED': 'content',
    'ConflictException:MESSAGE_TYPE_MISMATCH': 'request',
    'ConflictException:NUMBER_CAPABILITIES_MISMATCH': 'request',
    'ConflictException:RESOURCE_NOT_ACTIVE': 'request',
    'ConflictException:REGISTRATION_NOT_COMPLETE': 'request',
    'ConflictException:DESTINATION_PHONE_NUMBER_BLOCKED_BY_PROTECT_NUMBER_OVERRIDE': 'request',
    'ServiceQuotaExceededException:DAILY_DESTINATION_CALL_LIMIT': 'request',
    ValidationException: 'request',
    ConflictException: 'request',
    ResourceNotFoundException: 'request',
    UnknownOperationException: 'request',
    SerializationException: 'request',
    'AccessDeniedException:ACCOUNT_DISABLED': 'account',
    'AccessDeniedException:INSUFFICIENT_ACCOUNT_REPUTATION': 'account',
    AccessDeniedException: 'account',
    UnrecognizedClientException: 'account',
    InvalidSignatureException: 'account',
    IncompleteSignatureException: 'account',
    MissingAuthenticationTokenException: 'account',
    InvalidClientTokenIdException: 'account',
    ExpiredTokenException: 'account',
    NotAuthorizedException: 'account',
    'ServiceQuotaExceededException:MONTHLY_SPEND_LIMIT_REACHED_FOR_TEXT': 'throttled',
    'ServiceQuotaExceededException:MONTHLY_SPEND_LIMIT_REACHED_FOR_VOICE': 'throttled',
    ServiceQuotaExceededException: 'throttled',
    ThrottlingException: 'throttled',
    TooManyRequestsException: 'throttled',
    InternalServerException: 'server',
    InternalFailure: 'server',
    ServiceUnavailableException: 'server',
};
const PARAMETER_REASONS = new Set(['INVALID_PARAMETER', 'FIELD_VALIDATION_FAILED', 'CANNOT_PARSE', 'INVALID_REQUEST']);
const DESTINATION_FIELD = 'DestinationPhoneNumber';
function eumErrorKey(err) {
    const e = (err ?? {});
    const name = e.name ?? 'Error';
    return e.Reason ? `${name}:${e.Reason}` : name;
}
function classifyEumError(err) {
    if (err instanceof sms_provider_1.ProviderError)
        return err;
    const e = (err ?? {});
    const name = e.name ?? 'Error';
    const key = eumErrorKey(err);
    const status = e.$metadata?.httpStatusCode;
    if (name === 'ValidationException' && (!e.Reason || PARAMETER_REASONS.has(e.Reason))) {
        const aboutNumber = e.Fields?.some((f) => f.Name === DESTINATION_FIELD) || /destination ?phone ?number/i.test(e.message ?? '');
        if (aboutNumber)
            return new sms_provider_1.ProviderError('invalid_number', key);
    }
    const known = exports.EUM_ERRORS[key] ?? exports.EUM_ERRORS[name];
    if (known)
        return new sms_provider_1.ProviderError(known, key);
    return (0, aws_transport_error_1.classifyAwsTransport)(name, status, e.code);
}
//# sourceMappingURL=aws-eum-errors.js.map