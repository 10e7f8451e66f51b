import { countryList, decimal, int, nameList, oneOf } from '../config/env-rules';
import { defineSettings } from '../config/settings';
import type { PhoneSettings } from '../phone/phone.config';

/** The heuristic rules before a send. */
export interface FraudSettings {
  fraudMode: 'block' | 'monitor';
  fraudDisabledRules: string[];
  fraudMaxNumbersPerUser: number;
  fraudMaxNumbersPerIp: number;
  fraudVelocityFactor: number;
  fraudVelocityMinSends: number;
  fraudMinConversionPercent: number;
  fraudConversionMinSends: number;
  /** Distinct requesters (accounts and addresses) whose codes a range's conversion must rest on before it may refuse. */
  fraudMinAccounts: number;
  /** Sends a region needs in its last day before its velocity rule may refuse (until then it monitors). */
  fraudWarmupSends: number;
  /** A code counts for conversion once it is this old (people take a minute or two to type it). */
  fraudConversionSettleMinutes: number;
  /** Countries moved to the low or the high prior (see fraud/priors.ts). */
  fraudLowPriorCountries: string[];
  fraudHighPriorCountries: string[];
  /** A range is suspicious while its belief says fewer than this share of its codes are used. */
  fraudSuspicionPercent: number;
  /** What unproven requesters may spend per UTC hour on a suspicious range, and on a suspicious range's country. */
  fraudUnprovenPrefixHourlyUsd: number;
  fraudUnprovenCountryHourlyUsd: number;
}

/** What fraud is told by the features that know the providers. */
export interface FraudInputs {
  /**
   * Someone is trying the module out: development, with only the mock
   * provider. People type fictional ranges (555-01XX and the like) then, and
   * no real message can go anywhere, so the test_range rule stands aside.
   */
  trialMode: boolean;
}

export const FRAUD_SETTINGS = defineSettings<FraudSettings>({
  title: 'Fraud rules',
  fields: {
    fraudMode: { env: 'SMS_FRAUD_MODE', rule: oneOf('block', 'monitor'), default: 'block', doc: '`block` refuses a triggered send; `monitor` only records it' },
    fraudDisabledRules: { env: 'SMS_FRAUD_DISABLED_RULES', rule: nameList(), default: [], doc: 'rule names to switch off (see Fraud and cost)' },
    fraudMaxNumbersPerUser: { env: 'SMS_FRAUD_MAX_NUMBERS_PER_USER', rule: int(1, 1000), default: 3, doc: 'distinct numbers per user in 24 h' },
    fraudMaxNumbersPerIp: { env: 'SMS_FRAUD_MAX_NUMBERS_PER_IP', rule: int(1, 100_000), default: 10, doc: 'distinct numbers per client IP in 24 h' },
    fraudVelocityFactor: {
      env: 'SMS_FRAUD_VELOCITY_FACTOR',
      rule: int(2, 1000),
      default: 5,
      doc: 'a 10-minute burst to a range or country: this many times its daily average of distinct requesters',
    },
    fraudVelocityMinSends: {
      env: 'SMS_FRAUD_VELOCITY_MIN_SENDS',
      rule: int(1, 1_000_000),
      default: 20,
      doc: 'and at least this many requesters in the burst',
    },
    fraudMinConversionPercent: {
      env: 'SMS_FRAUD_MIN_CONVERSION_PERCENT',
      rule: int(0, 100),
      default: 10,
      doc: "share of a region's settled codes that must be used",
    },
    fraudConversionMinSends: {
      env: 'SMS_FRAUD_CONVERSION_MIN_SENDS',
      rule: int(1, 1_000_000),
      default: 20,
      doc: 'conversion is judged over at least this many codes',
    },
    fraudMinAccounts: {
      env: 'SMS_FRAUD_MIN_ACCOUNTS',
      rule: int(1, 1_000_000),
      default: 5,
      doc: "distinct requesters (accounts and addresses, whichever are fewer) a range's conversion must rest on before it may refuse",
    },
    fraudWarmupSends: {
      env: 'SMS_FRAUD_WARMUP_SENDS',
      rule: int(0, 10_000_000),
      default: 200,
      doc: 'sends a region needs in its last day before its velocity rule may refuse (until then it only monitors)',
    },
    fraudConversionSettleMinutes: {
      env: 'SMS_FRAUD_CONVERSION_SETTLE_MINUTES',
      rule: int(1, 10),
      default: 3,
      doc: 'a code counts for conversion once it is this old',
    },
    fraudLowPriorCountries: {
      env: 'SMS_FRAUD_LOW_PRIOR_COUNTRIES',
      rule: countryList(),
      default: [],
      doc: "countries to judge as low risk from their first send, whatever the shipped priors say (e.g. where the product's own users are)",
    },
    fraudHighPriorCountries: {
      env: 'SMS_FRAUD_HIGH_PRIOR_COUNTRIES',
      rule: countryList(),
      default: [],
      doc: 'countries to judge as pumping targets until their codes are seen used',
    },
    fraudSuspicionPercent: {
      env: 'SMS_FRAUD_SUSPICION_PERCENT',
      rule: int(1, 99),
      default: 50,
      doc: "a range is suspicious while its belief (prior, then every code's outcome from the first send) says fewer than this share of its codes are used: its unproven requesters then meet the host's friction step and the money caps below",
    },
    fraudUnprovenPrefixHourlyUsd: {
      env: 'SMS_FRAUD_UNPROVEN_PREFIX_HOURLY_USD',
      rule: decimal(0, 10_000),
      default: 1,
      doc: 'what unproven requesters may spend per UTC hour on one suspicious range, shared by every instance (0: nothing until codes are seen used)',
    },
    fraudUnprovenCountryHourlyUsd: {
      env: 'SMS_FRAUD_UNPROVEN_COUNTRY_HOURLY_USD',
      rule: decimal(0, 100_000),
      default: 5,
      doc: "the same over all of a country's suspicious ranges: a ring that rotates ranges spends at most this per country and hour",
    },
  },
});

/** The settings the fraud feature reads: its slice of the configuration (provided with configSlice). */
export const FRAUD_CONFIG = Symbol('FRAUD_CONFIG');
export const FRAUD_CONFIG_KEYS = [...(Object.keys(FRAUD_SETTINGS.fields) as (keyof FraudSettings)[]), 'trialMode', 'testNumbers'] as const;
export type FraudConfig = FraudSettings & FraudInputs & Pick<PhoneSettings, 'testNumbers'>;
