import { MfaError } from '../common/mfa-error';
import type { CountryVerdictInput } from './country-rules.repository';

/**
 * Block list first; then, when any country is on the allow list, only those
 * countries. A number without a single country (non-geographic) passes only
 * when no allow list is active.
 */
export function assertCountryAllowed(country: string | undefined, rules: CountryVerdictInput): void {
  if (rules.action === 'block') throw new MfaError('COUNTRY_NOT_ALLOWED');
  if (rules.allowListActive && rules.action !== 'allow') throw new MfaError('COUNTRY_NOT_ALLOWED');
  if (!country && rules.allowListActive) throw new MfaError('COUNTRY_NOT_ALLOWED');
}
