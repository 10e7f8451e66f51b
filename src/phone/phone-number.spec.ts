import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MfaError } from '../common/mfa-error';
import { maskPhone } from './mask';
import { PhoneNumberFormat, PhoneNumberType, PhoneNumberUtil } from 'google-libphonenumber';
import { numberPrefix, parseMobilePhone, parsePhoneFor } from './phone-number';

function refusal(input: unknown): string | undefined {
  try {
    parseMobilePhone(input);
    return undefined;
  } catch (err) {
    assert.ok(err instanceof MfaError);
    return err.code;
  }
}

describe('parseMobilePhone', () => {
  it('normalises international input with separators to E.164', () => {
    assert.equal(parseMobilePhone('+1 (415) 555-2671').e164, '+14155552671');
    assert.equal(parseMobilePhone('+33 6 12 34 56 78').e164, '+33612345678');
    assert.equal(parseMobilePhone('+33 6 12 34 56 78').country, 'FR');
  });

  it('refuses anything that is not an international, valid, SMS-capable number', () => {
    for (const input of ['4155552671', '+1-800-FLOWERS', '+14155552671 ext 2', '+999123', '', 42, null, '+4930123456']) {
      assert.equal(refusal(input), 'INVALID_PHONE', String(input));
    }
  });
});

/**
 * Google libphonenumber's own example number of each type, in the regions of
 * the people this product serves and a few others: what each type must get.
 */
const REGIONS = ['US', 'CA', 'GB', 'DE', 'FR', 'IT', 'ES', 'SE', 'UA', 'RU', 'TR', 'SY', 'IQ', 'IR', 'AF', 'PK', 'SO', 'ET', 'ER', 'SD', 'SS', 'KE', 'UG', 'CD', 'NG', 'LB', 'JO', 'YE', 'VE', 'CO', 'MX', 'BR', 'IN', 'BD', 'MM', 'AU'];
const EXPECTED: [keyof typeof PhoneNumberType, 'ok' | 'INVALID_PHONE' | 'SUSPICIOUS_NUMBER'][] = [
  ['MOBILE', 'ok'],
  ['FIXED_LINE_OR_MOBILE', 'ok'],
  ['PREMIUM_RATE', 'SUSPICIOUS_NUMBER'],
  ['SHARED_COST', 'SUSPICIOUS_NUMBER'],
  ['UAN', 'SUSPICIOUS_NUMBER'],
  ['PERSONAL_NUMBER', 'SUSPICIOUS_NUMBER'],
  ['TOLL_FREE', 'INVALID_PHONE'],
  ['VOIP', 'INVALID_PHONE'],
  ['PAGER', 'INVALID_PHONE'],
  ['VOICEMAIL', 'INVALID_PHONE'],
  ['FIXED_LINE', 'INVALID_PHONE'],
];

describe('line types over libphonenumber example numbers', () => {
  const util = PhoneNumberUtil.getInstance();
  let checked = 0;
  for (const region of REGIONS) {
    for (const [type, expected] of EXPECTED) {
      const example = util.getExampleNumberForType(region, PhoneNumberType[type]);
      // Regions without that type, or where the type shares its pattern with another (then the
      // number's real type is ambiguous), have nothing to check.
      if (!example || util.getNumberType(example) !== PhoneNumberType[type]) continue;
      const e164 = util.format(example, PhoneNumberFormat.E164);
      it(`${region} ${type} ${expected === 'ok' ? 'is accepted' : `→ ${expected}`}`, () => {
        assert.equal(refusal(e164) ?? 'ok', expected);
        if (expected === 'ok') {
          assert.equal(parseMobilePhone(e164).e164, e164);
          assert.equal(parseMobilePhone(e164).country, region);
        }
        checked++;
      });
    }
  }
  it('covers many regions and every type', () => {
    assert.ok(checked > 100, `checked ${checked}`);
  });
});

describe('numberPrefix', () => {
  it('is the calling code and four leading national digits', () => {
    assert.equal(numberPrefix(parseMobilePhone('+252 61 234 5678')), '+2526123');
    assert.equal(numberPrefix(parseMobilePhone('+1 415 201 7001')), '+14152');
  });
});

describe('maskPhone', () => {
  it('keeps the calling code and the last digits only', () => {
    assert.equal(maskPhone('+14155557890'), '+1 ••• ••• 7890');
    assert.equal(maskPhone('+33612345678'), '+33 ••• ••• 5678');
    assert.equal(maskPhone('+2527123456'), '+252 ••• ••• 456');
  });

  it('keeps fewer digits of short national numbers', () => {
    assert.equal(maskPhone('+2901234'), '+290 ••• ••• 34');
  });
});

describe('parsePhoneFor: fixed lines by voice, in opted-in countries only', () => {
  const util = PhoneNumberUtil.getInstance();
  const example = (region: string, type: keyof typeof PhoneNumberType) =>
    util.format(util.getExampleNumberForType(region, PhoneNumberType[type]), PhoneNumberFormat.E164);
  const code = (f: () => unknown) => {
    try {
      f();
      return 'ok';
    } catch (err) {
      return (err as MfaError).code;
    }
  };

  it('a French fixed line: voice with FR opted in; INVALID_PHONE by SMS, WhatsApp, or without the opt-in', () => {
    const landline = example('FR', 'FIXED_LINE');
    assert.equal(parsePhoneFor(landline, 'voice', ['FR']).type, 'FIXED_LINE');
    assert.equal(code(() => parsePhoneFor(landline, 'voice', ['DE'])), 'INVALID_PHONE');
    assert.equal(code(() => parsePhoneFor(landline, 'voice')), 'INVALID_PHONE');
    assert.equal(code(() => parsePhoneFor(landline, 'sms', ['FR'])), 'INVALID_PHONE');
    assert.equal(code(() => parsePhoneFor(landline, 'whatsapp', ['FR'])), 'INVALID_PHONE');
  });

  it('premium-rate and shared-cost numbers are refused on every channel, opted in or not', () => {
    for (const type of ['PREMIUM_RATE', 'SHARED_COST'] as const) {
      for (const channel of ['sms', 'voice', 'whatsapp'] as const) {
        assert.equal(code(() => parsePhoneFor(example('FR', type), channel, ['FR'])), 'SUSPICIOUS_NUMBER', `${type} ${channel}`);
      }
    }
  });

  it('a mobile is a mobile on every channel', () => {
    const mobile = example('FR', 'MOBILE');
    for (const channel of ['sms', 'voice', 'whatsapp'] as const) assert.equal(parsePhoneFor(mobile, channel).e164, mobile);
  });
});
