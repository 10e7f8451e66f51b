import { parsePhoneNumberWithError, type NumberType } from 'libphonenumber-js/max';
import { MfaError } from '../common/mfa-error';
import { splitE164 } from './mask';

export interface PhoneNumber {
  /** +14155550123 */
  e164: string;
  /** ISO 3166-1 alpha-2 derived from the number, when the number belongs to one region. */
  country?: string;
  callingCode: string;
  nationalNumber: string;
  type?: NumberType;
}

/** Types that can receive an SMS. US/CA numbers are FIXED_LINE_OR_MOBILE by design of the plan. */
export const SMS_CAPABLE_TYPES: ReadonlySet<NumberType> = new Set<NumberType>(['MOBILE', 'FIXED_LINE_OR_MOBILE']);

/**
 * Types that earn someone termination fees or cost more than a mobile: the
 * targets of SMS pumping. Refused as SUSPICIOUS_NUMBER, always (not a heuristic).
 */
export const PUMPING_TYPES: ReadonlySet<NumberType> = new Set<NumberType>([
  'PREMIUM_RATE',
  'SHARED_COST',
  'UAN',
  'PERSONAL_NUMBER',
]);

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
    nationalNumber: parsed.nationalNumber,
    type: parsed.getType(),
  };
}

/**
 * Parses and requires a number that can receive an SMS: premium-rate,
 * shared-cost, UAN and personal numbers are SUSPICIOUS_NUMBER; fixed lines,
 * toll-free, VoIP, pagers, voicemail and numbers of unknown type are INVALID_PHONE.
 */
export function parseMobilePhone(input: unknown): PhoneNumber {
  const phone = parsePhone(input);
  if (phone.type && PUMPING_TYPES.has(phone.type)) {
    throw new MfaError('SUSPICIOUS_NUMBER', 'SMS to this kind of number (premium or shared cost) is refused.');
  }
  if (!phone.type || !SMS_CAPABLE_TYPES.has(phone.type)) {
    throw new MfaError('INVALID_PHONE', 'The phone number cannot receive SMS: use a mobile number.');
  }
  return phone;
}

/**
 * A number a channel can reach: a mobile for SMS and WhatsApp; for voice, also
 * a fixed line of a country in `fixedLineCountries` (people with only a
 * landline can still hear a code; SMS_VOICE_FIXED_LINE_COUNTRIES opts a
 * country in, since fixed-line ranges are what call pumping targets).
 */
export function parsePhoneFor(
  input: unknown,
  channel: 'sms' | 'voice' | 'whatsapp',
  fixedLineCountries: readonly string[] = [],
): PhoneNumber {
  if (channel === 'voice') {
    const phone = parsePhone(input);
    if (phone.type === 'FIXED_LINE' && phone.country && fixedLineCountries.includes(phone.country)) return phone;
  }
  return parseMobilePhone(input);
}

/** A number read back from storage (already validated when it was stored): split, not validated again. */
export function storedPhone(e164: string, country: string | undefined): PhoneNumber {
  return { e164, country, ...splitE164(e164) };
}

/** The range a number belongs to, for fraud statistics: calling code and 4 leading national digits. */
export function numberPrefix(phone: Pick<PhoneNumber, 'callingCode' | 'nationalNumber'>): string {
  return `+${phone.callingCode}${phone.nationalNumber.slice(0, 4)}`;
}
