import { FailureReason, ProviderError } from '../sms-provider';
import { classifyAwsTransport } from '../aws-transport-error';

/**
 * The error codes of SNS Publish, without the `Exception` suffix the SDK adds
 * to modelled ones (AuthorizationError → AuthorizationErrorException) (docs.aws.amazon.com/sns/latest/api/API_Publish.html
 * and the common AWS errors), by family. Parameter errors name what is wrong:
 * a phone number is the number's fault, anything else the request's.
 */
export const SNS_ERRORS: Record<string, FailureReason> = {
  OptedOut: 'opted_out',
  // Account-wide: every message would fail.
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
  // Throttling (also the account's monthly SMS spend limit).
  Throttled: 'throttled',
  Throttling: 'throttled',
  KMSThrottling: 'throttled',
  // The service.
  InternalError: 'server',
  InternalFailure: 'server',
  ServiceUnavailable: 'server',
  // This request.
  NotFound: 'request',
  InvalidAction: 'request',
  ValidationError: 'request',
};

const PARAMETER_ERRORS = new Set(['InvalidParameter', 'InvalidParameterValue', 'Validation']);

/** The one place SNS failures are read. */
export function classifySnsError(err: unknown): ProviderError {
  const e = err as { name?: string; message?: string; $metadata?: { httpStatusCode?: number }; code?: string };
  const name = e.name ?? 'Error';
  const code = name.replace(/Exception$/, '');
  const status = e.$metadata?.httpStatusCode;
  if (PARAMETER_ERRORS.has(code)) {
    if (/opted.?out/i.test(e.message ?? '')) return new ProviderError('opted_out', name);
    return new ProviderError(/phone ?number/i.test(e.message ?? '') ? 'invalid_number' : 'request', name);
  }
  const known = SNS_ERRORS[code];
  if (known) return new ProviderError(known, name);
  return classifyAwsTransport(name, status, e.code);
}
