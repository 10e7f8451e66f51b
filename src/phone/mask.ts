import { parsePhoneNumberWithError } from 'libphonenumber-js/max';

const BULLETS = '••• •••';

/**
 * The one masking function, used in responses, logs and admin views:
 * "+1 ••• ••• 7890". Keeps the calling code and the last 4 digits (3 or 2 for
 * short national numbers), so a user can recognise their phone and nobody
 * else learns it.
 */
export function maskPhone(e164: string): string {
  let callingCode: string;
  let national: string;
  try {
    const parsed = parsePhoneNumberWithError(e164);
    callingCode = parsed.countryCallingCode;
    national = parsed.nationalNumber;
  } catch {
    const digits = e164.replace(/\D/g, '');
    callingCode = digits.slice(0, 1);
    national = digits.slice(1);
  }
  const keep = national.length >= 8 ? 4 : national.length >= 6 ? 3 : 2;
  return `+${callingCode} ${BULLETS} ${national.slice(-keep)}`;
}
