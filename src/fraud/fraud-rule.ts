import type { FraudConfig } from './fraud.config';

/**
 * The traffic to one region (a number range, or a country), as the regional
 * rules judge it: by breadth (how many distinct requesters — accounts and
 * client addresses, whichever is fewer — are behind it) and by conversion (are
 * its codes being used?), never by raw counts that a few accounts could make.
 */
export interface RegionStats {
  /** Distinct requesters in the last 10 minutes. */
  recentRequesters: number;
  /** Sends and distinct requesters in the 24 h before that (the baseline). */
  baselineSends: number;
  baselineRequesters: number;
  /** Codes of the last 24 h old enough to have been used (SMS_FRAUD_CONVERSION_SETTLE_MINUTES), how many were, and from how many requesters. */
  settled: number;
  verified: number;
  settledRequesters: number;
  /** Codes of the last 24 h used, however young (evidence of real people from the first one). */
  verifiedAny: number;
  /** Codes too young to have settled and not used yet. */
  pending: number;
}

/** Numbers about the recent traffic around one send, read in one query (see FraudStatsRepository). */
export interface FraudStats {
  /** Other numbers this user asked codes for in the last 24 h. */
  userOtherNumbers: number;
  /** Other numbers requested from this IP in the last 24 h. */
  ipOtherNumbers: number;
  prefix: RegionStats;
  country: RegionStats;
  /**
   * The requester has shown they are real: a verified SMS number, or a used
   * SMS code, to a real number (not a test number; a TOTP app anyone can set
   * up proves nothing about phones). The regional rules add friction only to the others.
   */
  requesterProven: boolean;
}

export interface FraudContext {
  e164: string;
  callingCode: string;
  nationalNumber: string;
  prefix: string;
  country?: string;
  userId: string;
  clientIp?: string;
  /** Present for sends to numbers whose possession is not yet proven (enrolment). */
  stats?: FraudStats;
}

export interface FraudTrigger {
  rule: string;
  /** Why, for the operator: counts and thresholds, never the number. */
  detail: string;
  /** A regional rule on a baseline too young to refuse on: recorded as monitored only. */
  coldStart?: boolean;
}

/** One named rule: pure over its context and configuration, so each is unit-tested alone. */
export interface FraudRule {
  readonly name: string;
  /** Reads the traffic statistics (only evaluated where they are read: unproven numbers). */
  readonly usesStatistics: boolean;
  /**
   * `send`: about this number, account or address; refuses whoever asks.
   * `region`: about a whole range or country; adds friction to unproven
   * requesters only, so a surge of real people, or a few attackers' accounts,
   * never closes a country to the people already using it.
   */
  readonly scope: 'send' | 'region';
  evaluate(ctx: FraudContext, config: FraudConfig): FraudTrigger | undefined;
}

/** The baseline is 24 h long; the recent window 10 minutes. */
export const BASELINE_WINDOWS = (24 * 60) / 10;
