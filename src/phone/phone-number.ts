import { parsePhoneNumberWithError, type NumberType } from 'libphonenumber-js/max';
import { MfaError } from '../common/mfa-error';

export interface PhoneNumber {
  /** +14155550123 */
  e164: string;
  /** ISO 3166-1 alpha-2 derived from the number, when the number belongs to one region. */
  country?: string;
  callingCode: string;
  type?: NumberType;
}

/** Types that can receive an SMS. US/CA numbers are FIXED_LINE_OR_MOBILE by design of the plan. */
export const SMS_CAPABLE_TYPES: ReadonlySet<NumberType> = new Set<NumberType>(['MOBILE', 'FIXED_LINE_OR_MOBILE']);

/**
 * Strict international input: a leading '+', then digits with optional
 * spaces, dots, dashes or parentheses as separators, nothing else (no letters,
 * no extensions, no national format, which would need a guessed region).
 */
const INPUT = /^\+[\d\s().-]{4,30}$/;

/** Parses into E.164 with full metadata; throws INVALID_PHONE for anything else. */
export function parsePhone(input: unknown): PhoneNumber {
  if (typeof input !== 'string' || !INPUT.test(input.trim())) {
    throw new MfaError('INVALID_PHONE', 'The phone number must be in international format: + then country code and number.');
  }
  let parsed;
  try {
    parsed = parsePhoneNumberWithError(input.trim(), { extract: false });
  } catch {
    throw new MfaError('INVALID_PHONE');
  }
  if (!parsed.isValid()) throw new MfaError('INVALID_PHONE');
  return {
    e164: parsed.number,
    country: parsed.country,
    callingCode: parsed.countryCallingCode,
    type: parsed.getType(),
  };
}

/** Parses and requires a number that can receive SMS (line-type rules beyond that: phone/phone-policy). */
export function parseMobilePhone(input: unknown): PhoneNumber {
  const phone = parsePhone(input);
  if (!phone.type || !SMS_CAPABLE_TYPES.has(phone.type)) {
    throw new MfaError('INVALID_PHONE', 'The phone number cannot receive SMS: use a mobile number.');
  }
  return phone;
}
