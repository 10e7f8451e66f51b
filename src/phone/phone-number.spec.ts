import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MfaError } from '../common/mfa-error';
import { maskPhone } from './mask';
import { parseMobilePhone } from './phone-number';

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
