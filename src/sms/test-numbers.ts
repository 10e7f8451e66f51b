import type { PhoneSettings } from '../phone/phone.config';

type TestNumberSettings = Pick<PhoneSettings, 'testNumbers' | 'testNumbersValidUntil'>;

/** SMS_TEST_NUMBERS_VALID_UNTIL has passed: the list no longer applies. */
function expired(config: TestNumberSettings, now: Date): boolean {
  return config.testNumbersValidUntil !== undefined && now.getTime() >= Date.parse(config.testNumbersValidUntil);
}

/** The numbers that have a fixed code now (none once the list has expired). */
export function activeTestNumbers(config: TestNumberSettings, now: Date): string[] {
  return expired(config, now) ? [] : Object.keys(config.testNumbers);
}

/**
 * The fixed code of a test number (SMS_TEST_NUMBERS) while the list is valid
 * (SMS_TEST_NUMBERS_VALID_UNTIL, when set); undefined for every other number,
 * and for every number once the list has expired: they are ordinary again.
 */
export function testNumberCode(config: TestNumberSettings, e164: string, now: Date): string | undefined {
  const code = config.testNumbers[e164];
  return code && !expired(config, now) ? code : undefined;
}
