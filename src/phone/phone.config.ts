import { bool, countryList, isoTime, testNumberMap } from '../config/env-rules';
import type { CoreSettings } from '../config/core.settings';
import { defineSettings } from '../config/settings';
import { parsePhone } from './phone-number';

/** Which numbers the module sends to. */
export interface PhoneSettings {
  allowedCountries: string[];
  blockedCountries: string[];
  /**
   * Numbers of no country (+881 satellite, +882/+883 international networks):
   * refused by default, since country rules cannot reach them and their real
   * prices are far above the default estimate the spend caps count.
   */
  allowNonGeographic: boolean;
  /** Countries whose fixed lines may enrol by voice (none by default: fixed-line ranges are what call pumping targets). */
  voiceFixedLineCountries: string[];
  /** Numbers with a fixed code (app-store review, end-to-end tests): no provider, no limit, no budget, no fraud rules. */
  testNumbers: Record<string, string>;
  /** Until when the test numbers are test numbers (required in production). */
  testNumbersValidUntil?: string;
}

/** The longest a set of test numbers may stay valid in production: a forgotten one is a standing backdoor. */
export const TEST_NUMBERS_MAX_DAYS = 90;

export const PHONE_SETTINGS = defineSettings<PhoneSettings, CoreSettings>({
  title: 'Numbers and countries',
  fields: {
    allowedCountries: { env: 'SMS_ALLOWED_COUNTRIES', rule: countryList(), default: [], doc: 'the only countries sent to (empty: all)' },
    blockedCountries: { env: 'SMS_BLOCKED_COUNTRIES', rule: countryList(), default: [], doc: 'countries never sent to' },
    allowNonGeographic: {
      env: 'SMS_ALLOW_NON_GEOGRAPHIC',
      rule: bool(),
      default: false,
      doc: 'numbers of no country (+881 satellite, +870 Inmarsat, +882/+883 networks): refused with `COUNTRY_NOT_ALLOWED` unless true (country lists cannot reach them, and their prices are far above the default estimate)',
    },
    voiceFixedLineCountries: {
      env: 'SMS_VOICE_FIXED_LINE_COUNTRIES',
      rule: countryList(),
      default: [],
      doc: 'countries whose fixed lines may enrol by voice; elsewhere voice needs a mobile too',
    },
    testNumbers: {
      env: 'SMS_TEST_NUMBERS',
      rule: testNumberMap(),
      default: {},
      secret: true,
      doc: '`+14155550100:123456,…`: numbers with a fixed code, no provider, limit, budget or fraud rule; in production only with an expiry in the future',
    },
    testNumbersValidUntil: {
      env: 'SMS_TEST_NUMBERS_VALID_UNTIL',
      rule: isoTime(),
      doc: `until when the test numbers are test numbers: required in production, at most ${TEST_NUMBERS_MAX_DAYS} days ahead`,
    },
  },
  check(c, problems) {
    const both = (c.allowedCountries ?? []).filter((x) => (c.blockedCountries ?? []).includes(x));
    if (both.length)
      problems.push(`SMS_ALLOWED_COUNTRIES and SMS_BLOCKED_COUNTRIES must not share a country (${both.join(', ')})`);
    checkTestNumbers(c, problems);
  },
});

/**
 * Test numbers are checked like any number; in production they need an
 * expiry in the future, and not far (a forgotten test number is a permanent
 * backdoor). Their codes are checked against the code length by challenges.
 */
function checkTestNumbers(c: Partial<PhoneSettings & CoreSettings>, problems: string[]): void {
  const numbers = Object.keys(c.testNumbers ?? {});
  for (const number of numbers) {
    try {
      if (parsePhone(number).e164 !== number) throw new Error();
    } catch {
      problems.push(`SMS_TEST_NUMBERS must hold valid E.164 numbers (${number.slice(0, 4)}… is not)`);
    }
  }
  if (!c.production || !numbers.length) return;
  const until = c.testNumbersValidUntil ? Date.parse(c.testNumbersValidUntil) : NaN;
  if (!(until > Date.now())) {
    problems.push(
      'SMS_TEST_NUMBERS_VALID_UNTIL must be set, and in the future, when SMS_TEST_NUMBERS is used with NODE_ENV=production',
    );
  } else if (until > Date.now() + TEST_NUMBERS_MAX_DAYS * 86_400_000) {
    problems.push(
      `SMS_TEST_NUMBERS_VALID_UNTIL must be at most ${TEST_NUMBERS_MAX_DAYS} days ahead when NODE_ENV=production (a forgotten test number is a backdoor)`,
    );
  }
}

/** The settings the phone feature reads: its slice of the configuration (provided with configSlice). */
export const PHONE_CONFIG = Symbol('PHONE_CONFIG');
export const PHONE_CONFIG_KEYS = ['allowedCountries', 'blockedCountries'] as const;
export type PhoneConfig = Pick<PhoneSettings, (typeof PHONE_CONFIG_KEYS)[number]>;
