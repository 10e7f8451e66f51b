import { parsePhoneNumberWithError } from 'libphonenumber-js/min';

const BULLETS = '••• •••';

/** Calling code and national number of a stored E.164 number (small metadata: no validation needed). */
export function splitE164(e164: string): { callingCode: string; nationalNumber: string } {
  try {
    const parsed = parsePhoneNumberWithError(e164);
    return { callingCode: parsed.countryCallingCode, nationalNumber: parsed.nationalNumber };
  } catch {
    const digits = e164.replace(/\D/g, '');
    return { callingCode: digits.slice(0, 1), nationalNumber: digits.slice(1) };
  }
}

/**
 * The one masking function, used in responses, logs and admin views:
 * "+1 ••• ••• 7890". Keeps the calling code and the last 4 digits (3 or 2 for
 * short national numbers), so a user can recognise their phone and nobody
 * else learns it.
 */
export function maskPhone(e164: string): string {
  return maskSplit(splitE164(e164));
}

/** maskPhone for a number already split (no second parse). */
export function maskSplit({ callingCode, nationalNumber }: { callingCode: string; nationalNumber: string }): string {
  const keep = nationalNumber.length >= 8 ? 4 : nationalNumber.length >= 6 ? 3 : 2;
  return `+${callingCode} ${BULLETS} ${nationalNumber.slice(-keep)}`;
}
