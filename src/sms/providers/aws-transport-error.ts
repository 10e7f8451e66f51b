import { ProviderError } from './sms-provider';

/**
 * An AWS SDK failure that no service-specific rule named, read from how it
 * travelled: a timeout, then the HTTP status (429 throttled, 401/403 the
 * account, 5xx the service, any other 4xx this request), else the network.
 * Shared by the SNS and End User Messaging adapters.
 */
export function classifyAwsTransport(name: string, status: number | undefined, code: string | undefined): ProviderError {
  if (name === 'AbortError' || name === 'TimeoutError' || code === 'ETIMEDOUT') return new ProviderError('timeout', name);
  if (status === 429) return new ProviderError('throttled', name);
  if (status === 401 || status === 403) return new ProviderError('account', name);
  if (status !== undefined && status >= 500) return new ProviderError('server', name);
  // Any other 4xx is about this request: not the provider's health.
  if (status !== undefined) return new ProviderError('request', name);
  return new ProviderError('network', code ?? name);
}
