import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadMfaConfig } from '../../config/mfa-config';
import type { FraudContext, FraudStats } from '../fraud-rule';
import { digitPatternRule, digitRuns } from './digit-pattern.rule';
import { numbersPerIpRule, numbersPerUserRule } from './distinct-numbers.rule';
import { lowConversionRule } from './low-conversion.rule';
import { testRangeRule } from './test-range.rule';
import { countryVelocityRule, prefixVelocityRule } from './velocity.rule';

const config = loadMfaConfig({});
const quiet: FraudStats = {
  userOtherNumbers: 0,
  ipOtherNumbers: 0,
  prefixRecent: 0,
  prefixBaseline: 0,
  countryRecent: 0,
  countryBaseline: 0,
  prefixSettled: 0,
  prefixVerified: 0,
};

function ctx(e164 = '+14152017001', stats?: Partial<FraudStats>): FraudContext {
  const national = e164.startsWith('+1') ? e164.slice(2) : e164.slice(3);
  return {
    e164,
    callingCode: e164.startsWith('+1') ? '1' : e164.slice(1, 3),
    nationalNumber: national,
    prefix: e164.slice(0, 6),
    country: 'US',
    userId: 'u',
    clientIp: '203.0.113.7',
    stats: stats && { ...quiet, ...stats },
  };
}

describe('digit_pattern', () => {
  it('measures runs of identical and consecutive digits', () => {
    assert.deepEqual(digitRuns('4152017001'), { repeated: 2, sequential: 2 });
    assert.deepEqual(digitRuns('7777777123'), { repeated: 7, sequential: 3 });
    assert.deepEqual(digitRuns('9876543210'), { repeated: 1, sequential: 10 });
  });

  it('fires on 6 identical or consecutive digits, not on ordinary numbers', () => {
    assert.equal(digitPatternRule.evaluate(ctx('+14152017001'), config), undefined);
    assert.equal(digitPatternRule.evaluate(ctx('+14157777771'), config)?.rule, 'digit_pattern');
    assert.equal(digitPatternRule.evaluate(ctx('+14151234567'), config)?.rule, 'digit_pattern');
  });
});

describe('test_range', () => {
  it('fires on fictional and provider test ranges only', () => {
    for (const n of ['+14155550123', '+12125550199', '+15005550006', '+447700900123', '+61491570156']) {
      assert.equal(testRangeRule.evaluate(ctx(n), config)?.rule, 'test_range', n);
    }
    for (const n of ['+14155552671', '+447911204538', '+61412345678']) {
      assert.equal(testRangeRule.evaluate(ctx(n), config), undefined, n);
    }
  });
});

describe('velocity', () => {
  it('fires on a burst well above the baseline, not on steady traffic', () => {
    // 24 h baseline of 1440 sends = 10 per 10 minutes; a burst of 60 is 6×.
    assert.equal(prefixVelocityRule.evaluate(ctx(undefined, { prefixRecent: 59, prefixBaseline: 1440 }), config)?.rule, 'prefix_velocity');
    assert.equal(prefixVelocityRule.evaluate(ctx(undefined, { prefixRecent: 30, prefixBaseline: 1440 }), config), undefined);
    // A quiet range: the minimum of sends applies before any factor.
    assert.equal(prefixVelocityRule.evaluate(ctx(undefined, { prefixRecent: 10 }), config), undefined);
    assert.equal(prefixVelocityRule.evaluate(ctx(undefined, { prefixRecent: 19 }), config)?.rule, 'prefix_velocity');
    assert.equal(countryVelocityRule.evaluate(ctx(undefined, { countryRecent: 25 }), config)?.rule, 'country_velocity');
  });

  it('does not run without statistics (sends to proven numbers)', () => {
    assert.equal(prefixVelocityRule.evaluate(ctx(), config), undefined);
  });
});

describe('numbers per user / IP', () => {
  it('fires past the configured number of distinct numbers in a day', () => {
    assert.equal(numbersPerUserRule.evaluate(ctx(undefined, { userOtherNumbers: 2 }), config), undefined);
    assert.equal(numbersPerUserRule.evaluate(ctx(undefined, { userOtherNumbers: 3 }), config)?.rule, 'numbers_per_user');
    assert.equal(numbersPerIpRule.evaluate(ctx(undefined, { ipOtherNumbers: 9 }), config), undefined);
    assert.equal(numbersPerIpRule.evaluate(ctx(undefined, { ipOtherNumbers: 10 }), config)?.rule, 'numbers_per_ip');
  });
});

describe('low_conversion', () => {
  it('fires when few settled codes to a range were used, once there are enough of them', () => {
    assert.equal(lowConversionRule.evaluate(ctx(undefined, { prefixSettled: 19, prefixVerified: 0 }), config), undefined);
    assert.equal(lowConversionRule.evaluate(ctx(undefined, { prefixSettled: 40, prefixVerified: 3 }), config)?.rule, 'low_conversion');
    assert.equal(lowConversionRule.evaluate(ctx(undefined, { prefixSettled: 40, prefixVerified: 4 }), config), undefined);
  });
});
