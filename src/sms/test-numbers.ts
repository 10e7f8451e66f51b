import type { PhoneSettings } from '../phone/phone.config';

/** The numbers that have a fixed code now (none once the list has expired). */
export function activeTestNumbers(config: Pick<PhoneSettings, 'testNumbers' | 'testNumbersValidUntil'>, now: Date): string[] {
  return Object.keys(config.testNumbers).filter((e164) => testNumberCode(config, e164, now) !== undefined);
}

/**
 * The fixed code of a test number (SMS_TEST_NUMBERS) while the list is valid
 * (SMS_TEST_NUMBERS_VALID_UNTIL, when set); undefined for every other number,
 * and for every number once the list has expired: they are ordinary again.
 */
export function testNumberCode(
  config: Pick<PhoneSettings, 'testNumbers' | 'testNumbersValidUntil'>,
  e164: string,
  now: Date,
): string | undefined {
  const code = config.testNumbers[e164];
  if (!code) return undefined;
  if (config.testNumbersValidUntil && now.getTime() >= Date.parse(config.testNumbersValidUntil)) return undefined;
  return code;
}
