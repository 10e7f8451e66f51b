import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEFAULT_PRICE_TABLE } from '../sms/pricing/default-prices';
import type { RegionStats } from './fraud-rule';
import { countryPrior, HIGH_PRIOR, HIGH_PRIOR_COUNTRIES, LOW_PRIOR, LOW_PRIOR_COUNTRIES, suspicious } from './priors';

const none = { fraudLowPriorCountries: [], fraudHighPriorCountries: [] };
const region = (r: Partial<RegionStats> = {}): RegionStats => ({
  recentRequesters: 0, baselineSends: 0, baselineRequesters: 0, settled: 0, verified: 0, settledRequesters: 0, verifiedAny: 0, pending: 0, ...r,
});
const judge = (country: string, prefix: Partial<RegionStats>, countryStats: Partial<RegionStats> = prefix) =>
  suspicious(country, { prefix: region(prefix), country: region(countryStats) }, none, 0.5).suspicious;

describe('priors and evidence from the first send', () => {
  it('the shipped priors are the price table: $0.15 or more per SMS is a high prior', () => {
    const price = (c: string) => DEFAULT_PRICE_TABLE[c].TWILIO ?? DEFAULT_PRICE_TABLE[c].AWS_SNS;
    const listed = Object.keys(DEFAULT_PRICE_TABLE).filter((c) => c !== 'default');
    assert.deepEqual([...HIGH_PRIOR_COUNTRIES].sort(), listed.filter((c) => price(c) >= 0.15).sort());
    assert.deepEqual([...LOW_PRIOR_COUNTRIES].sort(), listed.filter((c) => price(c) < 0.15).sort());
    assert.equal(countryPrior('ZW', none), HIGH_PRIOR, 'a country the table does not list is priced at its high default');
    assert.equal(countryPrior(undefined, none), HIGH_PRIOR);
    assert.equal(countryPrior('SY', { ...none, fraudLowPriorCountries: ['SY'] }), LOW_PRIOR, "the operator's list wins");
  });

  it('from a cold start: a high-prior range is suspicious, a low-prior one is not', () => {
    assert.equal(judge('UZ', {}), true);
    assert.equal(judge('GB', {}), false);
  });

  it('a range whose first 20 codes went unused is suspicious whatever its prior and the global volume', () => {
    assert.equal(judge('GB', { settled: 20 }, { settled: 20 }), true);
    assert.equal(judge('GB', { settled: 20 }, { settled: 5000, verified: 4800, verifiedAny: 4900 }), true, 'a busy, converting country does not hide it');
  });

  it('six codes used lift a high prior; fewer, or a few used among many unused, do not', () => {
    assert.equal(judge('UZ', { verifiedAny: 6, verified: 6, settled: 6 }), false);
    assert.equal(judge('UZ', { verifiedAny: 5, verified: 5, settled: 5 }), true, 'a handful of codes is little evidence');
    assert.equal(judge('UZ', { verifiedAny: 6, verified: 6, settled: 6, pending: 3 }), true, 'young unused codes count against a high prior');
    assert.equal(judge('UZ', { verifiedAny: 5, verified: 5, settled: 100 }), true);
  });

  it("a range's own codes are not counted twice through its country: a ring using one code per range stays suspicious", () => {
    const ring = { verifiedAny: 1, verified: 1, settled: 1 };
    assert.equal(judge('UZ', ring, { verifiedAny: 3, verified: 3, settled: 3 }), true);
    const people = { verifiedAny: 2, verified: 2, settled: 2 };
    assert.equal(judge('UZ', people, { verifiedAny: 40, verified: 40, settled: 42 }), false, "a country whose people use their codes vouches for its new ranges");
  });

  it('a displacement surge of young codes in a low-prior country stays trusted', () => {
    assert.equal(judge('UA', { pending: 60 }, { pending: 300 }), false);
  });
});
