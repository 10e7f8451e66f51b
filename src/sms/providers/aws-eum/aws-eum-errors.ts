import { FailureReason, ProviderError } from '../sms-provider';
import { classifyAwsTransport } from '../aws-transport-error';

/**
 * The exceptions of SendTextMessage, SendVoiceMessage and PutMessageFeedback
 * (docs.aws.amazon.com/sms-voice/latest/APIReference, and the common AWS
 * errors), by family. A key is the exception's name, or `Name:Reason` where
 * the service says more in the exception's `Reason` (the SDK's
 * ValidationExceptionReason, ConflictExceptionReason, AccessDeniedExceptionReason
 * and ServiceQuotaExceededExceptionReason enums). `Name:Reason` wins over `Name`.
 */
export const EUM_ERRORS: Record<string, FailureReason> = {
  // The number: no provider can help.
  'ConflictException:DESTINATION_PHONE_NUMBER_OPTED_OUT': 'opted_out',
  // The destination, for this account: another provider may reach it.
  'ValidationException:DESTINATION_COUNTRY_BLOCKED': 'region',
  'ValidationException:COUNTRY_CODE_MISMATCH': 'region',
  'ValidationException:INTERNATIONAL_SENDING_NOT_SUPPORTED': 'region',
  'ValidationException:INVALID_IDENTITY_FOR_DESTINATION_COUNTRY': 'region',
  'ValidationException:SENDER_ID_NOT_REGISTERED': 'region', // the destination country requires a registered sender id
  'ValidationException:SENDER_ID_NOT_SUPPORTED': 'region',
  'ValidationException:SENDER_ID_REQUIRES_REGISTRATION': 'region',
  'ValidationException:VOICE_CAPABILITY_NOT_AVAILABLE': 'region', // no voice calls to that destination from here
  'ConflictException:DESTINATION_COUNTRY_BLOCKED_BY_PROTECT_CONFIGURATION': 'region',
  'ConflictException:NO_ORIGINATION_IDENTITIES_FOUND': 'region', // none of the account's identities reaches that country
  'ConflictException:DESTINATION_PHONE_NUMBER_NOT_VERIFIED': 'region', // a sandbox account reaches verified numbers only (as Twilio 21608)
  // The request: this provider's configuration, not its health.
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
  // SMS_MAX_PRICE_USD is below this provider's price for this destination:
  // `request`, not `content` (a code is one short segment, no wording would
  // make it cheaper), and not the number's fault: another provider may be cheaper.
  'ValidationException:PRICE_OVER_THRESHOLD': 'request',
  'ValidationException:MAXIMUM_SIZE_EXCEEDED': 'content',
  'ConflictException:MESSAGE_TYPE_MISMATCH': 'request', // the origination identity does not send TRANSACTIONAL
  'ConflictException:NUMBER_CAPABILITIES_MISMATCH': 'request', // the origination identity has no SMS or no voice
  'ConflictException:RESOURCE_NOT_ACTIVE': 'request',
  'ConflictException:REGISTRATION_NOT_COMPLETE': 'request',
  'ConflictException:DESTINATION_PHONE_NUMBER_BLOCKED_BY_PROTECT_NUMBER_OVERRIDE': 'request', // our own rule at AWS, not the number's validity
  // A per-number daily call cap: about this message, not the provider's
  // health (one busy number must not open the circuit for everyone).
  'ServiceQuotaExceededException:DAILY_DESTINATION_CALL_LIMIT': 'request',
  ValidationException: 'request',
  ConflictException: 'request',
  ResourceNotFoundException: 'request', // the configuration set or origination identity is missing
  UnknownOperationException: 'request',
  SerializationException: 'request',
  // The account: every message would fail, so this is the provider's health.
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
  // Throttling, and the account's monthly spend limits (as SNS's).
  'ServiceQuotaExceededException:MONTHLY_SPEND_LIMIT_REACHED_FOR_TEXT': 'throttled',
  'ServiceQuotaExceededException:MONTHLY_SPEND_LIMIT_REACHED_FOR_VOICE': 'throttled',
  ServiceQuotaExceededException: 'throttled',
  ThrottlingException: 'throttled',
  TooManyRequestsException: 'throttled',
  // The service.
  InternalServerException: 'server',
  InternalFailure: 'server',
  ServiceUnavailableException: 'server',
};

/**
 * The service has no Reason of its own for a malformed destination: it answers
 * a generic parameter failure naming the field (Fields[].Name, or the message).
 * That is the number's fault; the same reasons about any other field are ours.
 */
const PARAMETER_REASONS = new Set(['INVALID_PARAMETER', 'FIELD_VALIDATION_FAILED', 'CANNOT_PARSE', 'INVALID_REQUEST']);
const DESTINATION_FIELD = 'DestinationPhoneNumber';

interface EumErrorShape {
  name?: string;
  message?: string;
  Reason?: string;
  Fields?: { Name?: string }[];
  $metadata?: { httpStatusCode?: number };
  code?: string;
}

/** The key an SDK exception is listed under: `Name:Reason`, or `Name` without a Reason. */
function eumErrorKey(err: unknown): string {
  const e = (err ?? {}) as EumErrorShape;
  const name = e.name ?? 'Error';
  return e.Reason ? `${name}:${e.Reason}` : name;
}

/** The one place End User Messaging failures are read. */
export function classifyEumError(err: unknown): ProviderError {
  if (err instanceof ProviderError) return err; // already classified (a request this adapter refused to build)
  const e = (err ?? {}) as EumErrorShape;
  const name = e.name ?? 'Error';
  const key = eumErrorKey(err);
  const status = e.$metadata?.httpStatusCode;
  if (name === 'ValidationException' && (!e.Reason || PARAMETER_REASONS.has(e.Reason))) {
    const aboutNumber =
      e.Fields?.some((f) => f.Name === DESTINATION_FIELD) || /destination ?phone ?number/i.test(e.message ?? '');
    if (aboutNumber) return new ProviderError('invalid_number', key);
  }
  const known = EUM_ERRORS[key] ?? EUM_ERRORS[name];
  if (known) return new ProviderError(known, key);
  return classifyAwsTransport(name, status, e.code);
}
