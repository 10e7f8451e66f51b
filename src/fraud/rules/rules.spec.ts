import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadMfaConfig } from '../../sms-mfa.settings';
import type { FraudContext, FraudStats, RegionStats } from '../fraud-rule';
import { digitPatternRule, digitRuns } from './digit-pattern.rule';
import { numbersPerIpRule, numbersPerUserRule } from './distinct-numbers.rule';
import { lowConversionRule } from './low-conversion.rule';
import { testRangeRule } from './test-range.rule';
import { countryVelocityRule, prefixVelocityRule } from './velocity.rule';

const config = loadMfaConfig({});
const still: RegionStats = { recentRequesters: 0, baselineSends: 0, baselineRequesters: 0, settled: 0, verified: 0, settledRequesters: 0, verifiedAny: 0, pending: 0 };
const quiet: FraudStats = { userOtherNumbers: 0, ipOtherNumbers: 0, prefix: still, country: still, requesterProven: false };
/** Region histories as the statistics query would read them. */
const region = (r: Partial<RegionStats>): RegionStats => ({ ...still, ...r });

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

describe('velocity (regional: judged by breadth and conversion, on a warm baseline)', () => {
  // A warm region: 1440 requesters over the last day = 10 per 10 minutes.
  const warm = { baselineSends: 2000, baselineRequesters: 1440 };

  it('unverified pumping: a burst of many requesters whose codes go unused fires, and refuses', () => {
    const pumping = region({ ...warm, recentRequesters: 59, settled: 200, verified: 4, settledRequesters: 150 });
    const trigger = prefixVelocityRule.evaluate(ctx(undefined, { prefix: pumping }), config);
    assert.equal(trigger?.rule, 'prefix_velocity');
    assert.equal(trigger?.coldStart, false);
    assert.equal(countryVelocityRule.evaluate(ctx(undefined, { country: pumping }), config)?.rule, 'country_velocity');
  });

  it('a verified surge (a displacement event) passes: its codes are being used', () => {
    const surge = region({ ...warm, recentRequesters: 120, settled: 300, verified: 270, settledRequesters: 250 });
    assert.equal(countryVelocityRule.evaluate(ctx(undefined, { country: surge }), config), undefined);
  });

  it('a cold start only monitors: no baseline yet, or conversion not yet known', () => {
    const cold = region({ recentRequesters: 40, baselineSends: 10, baselineRequesters: 5, settled: 30, verified: 0, settledRequesters: 30 });
    assert.equal(countryVelocityRule.evaluate(ctx(undefined, { country: cold }), config)?.coldStart, true);
    const unknown = region({ ...warm, recentRequesters: 70, settled: 3 });
    assert.equal(countryVelocityRule.evaluate(ctx(undefined, { country: unknown }), config)?.coldStart, true);
  });

  it('counts requesters, not sends: steady traffic and a few accounts do not make a burst', () => {
    assert.equal(prefixVelocityRule.evaluate(ctx(undefined, { prefix: region({ ...warm, recentRequesters: 30 }) }), config), undefined);
    assert.equal(prefixVelocityRule.evaluate(ctx(undefined, { prefix: region({ recentRequesters: 3, settled: 40 }) }), config), undefined);
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

describe('low_conversion (regional)', () => {
  it('unverified pumping: enough settled codes from enough requesters, few used, fires', () => {
    const pumping = region({ settled: 40, verified: 3, settledRequesters: 40 });
    assert.equal(lowConversionRule.evaluate(ctx(undefined, { prefix: pumping }), config)?.rule, 'low_conversion');
    assert.equal(lowConversionRule.evaluate(ctx(undefined, { prefix: { ...pumping, verified: 4 } }), config), undefined);
  });

  it('a verified surge passes', () => {
    assert.equal(lowConversionRule.evaluate(ctx(undefined, { prefix: region({ settled: 500, verified: 460, settledRequesters: 480 }) }), config), undefined);
  });

  it('a cold start, or a few accounts, cannot make it fire', () => {
    assert.equal(lowConversionRule.evaluate(ctx(undefined, { prefix: region({ settled: 19, settledRequesters: 19 }) }), config), undefined);
    assert.equal(lowConversionRule.evaluate(ctx(undefined, { prefix: region({ settled: 60, settledRequesters: 4 }) }), config), undefined);
  });
});
