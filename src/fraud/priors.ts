import type { RegionStats } from './fraud-rule';

/**
 * What the module believes about a destination before its first send: the
 * share of codes to it that real people use. SMS pumping is paid per message
 * terminated (the fraudster takes a share of the termination fee), so it
 * targets dear destinations; cheap ones are not worth pumping.
 *
 * Source: the countries whose list price for one SMS is $0.15 or more in the
 * shipped price table (src/sms/pricing/default-prices.ts: Twilio's and AWS's
 * public list prices, compiled 2026-11-27), plus every country that table
 * does not list (priced at its deliberately high default). Operators move a
 * country with SMS_FRAUD_LOW_PRIOR_COUNTRIES / SMS_FRAUD_HIGH_PRIOR_COUNTRIES.
 * A test keeps this list equal to the price table.
 */
export const HIGH_PRIOR_COUNTRIES: readonly string[] = [
  'AF', 'AZ', 'BD', 'CD', 'EG', 'ET', 'GH', 'GN', 'HT', 'ID', 'IQ', 'JO', 'KE', 'KG', 'KZ',
  'LA', 'LK', 'MM', 'NG', 'PH', 'PK', 'RU', 'SD', 'SO', 'SS', 'SY', 'TJ', 'TZ', 'UG', 'UZ',
];

/** The countries the price table lists below $0.15: low prior. */
export const LOW_PRIOR_COUNTRIES: readonly string[] = [
  'AE', 'BE', 'BR', 'CA', 'CO', 'DE', 'ER', 'ES', 'FR', 'GB', 'GR', 'IE', 'IN', 'IT', 'LB', 'MX',
  'NL', 'NO', 'PL', 'SA', 'SE', 'TH', 'TR', 'UA', 'US', 'VE', 'VN', 'YE',
];

/**
 * A prior as pseudo-counts: `weight` imagined codes of which a share `mean`
 * were used; `pendingWeight`: how much of a failure a code too young to have
 * settled counts for.
 */
export interface Prior {
  mean: number;
  weight: number;
  pendingWeight: number;
}

/**
 * Real people use about 95 % of their codes (the 5 % whose SMS never came): a
 * low-risk destination. Its young codes count for nothing: a burst of real
 * people (a displacement surge) is all young codes for a minute or two.
 */
export const LOW_PRIOR: Prior = { mean: 0.9, weight: 4, pendingWeight: 0 };
/**
 * A destination pumping targets: little is believed until its codes are seen
 * used, and a young unused code counts as a failure until it is used, so that
 * a ring that uses a few codes cannot pump behind the settle time.
 */
export const HIGH_PRIOR: Prior = { mean: 0.2, weight: 4, pendingWeight: 1 };

export interface PriorOverrides {
  fraudLowPriorCountries: readonly string[];
  fraudHighPriorCountries: readonly string[];
}

/** The prior of a country: the operator's lists first, then the shipped ones; a country of no list, or none, is high. */
export function countryPrior(country: string | undefined, o: PriorOverrides): Prior {
  if (!country) return HIGH_PRIOR;
  if (o.fraudLowPriorCountries.includes(country)) return LOW_PRIOR;
  if (o.fraudHighPriorCountries.includes(country)) return HIGH_PRIOR;
  return LOW_PRIOR_COUNTRIES.includes(country) ? LOW_PRIOR : HIGH_PRIOR;
}

type Evidence = Pick<RegionStats, 'verifiedAny' | 'settled' | 'verified' | 'pending'>;

/**
 * The evidence of a region, counted from its first send (no warm-up): codes
 * used, codes settled and never used, and codes still young (see Prior).
 */
export function posterior(prior: Prior, r: Evidence): Prior {
  const used = r.verifiedAny;
  const failed = Math.max(0, r.settled - r.verified) + r.pending * prior.pendingWeight;
  const weight = prior.weight + used + failed;
  return { ...prior, mean: (prior.mean * prior.weight + used) / weight, weight };
}

/** A belief one standard deviation below its mean (a Beta of `weight` pseudo-codes): what a few codes cannot lift. */
export function lowerBound(b: Prior): number {
  return b.mean - Math.sqrt((b.mean * (1 - b.mean)) / (b.weight + 1));
}

/** The country's evidence without the range's own codes (so that they are not counted twice). */
function outside(country: Evidence, range: Evidence): Evidence {
  const less = (k: keyof Evidence) => Math.max(0, country[k] - range[k]);
  return { verifiedAny: less('verifiedAny'), settled: less('settled'), verified: less('verified'), pending: less('pending') };
}

/**
 * Whether a send to a range is suspicious: the range's belief (its country's
 * posterior from the country's other ranges as its prior, then its own codes),
 * one standard deviation below its mean, says fewer than `threshold` of its
 * codes are used. Low-prior countries start well above it; high-prior ones
 * below it, until about six codes are used (from a cold start, none unused).
 */
export function suspicious(
  country: string | undefined,
  stats: { prefix: RegionStats; country: RegionStats },
  o: PriorOverrides,
  threshold: number,
): { suspicious: boolean; countryMean: number; prefixMean: number } {
  const prior = countryPrior(country, o);
  const countryBelief = posterior(prior, outside(stats.country, stats.prefix));
  const prefixBelief = posterior({ ...prior, mean: countryBelief.mean }, stats.prefix);
  return { suspicious: lowerBound(prefixBelief) < threshold, countryMean: countryBelief.mean, prefixMean: prefixBelief.mean };
}
