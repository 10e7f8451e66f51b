import type { MfaConfig } from '../config/mfa-config';

/** Numbers about the recent traffic around one send, read in one query (see FraudStatsRepository). */
export interface FraudStats {
  /** Other numbers this user asked codes for in the last 24 h. */
  userOtherNumbers: number;
  /** Other numbers requested from this IP in the last 24 h. */
  ipOtherNumbers: number;
  /** Sends to this prefix / country in the last 10 minutes, and in the 24 h before that. */
  prefixRecent: number;
  prefixBaseline: number;
  countryRecent: number;
  countryBaseline: number;
  /** Codes to this prefix old enough to have been used, and how many were. */
  prefixSettled: number;
  prefixVerified: number;
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
}

/** One named rule: pure over its context and configuration, so each is unit-tested alone. */
export interface FraudRule {
  readonly name: string;
  /** Reads the traffic statistics (only evaluated where they are read: unproven numbers). */
  readonly usesStatistics: boolean;
  evaluate(ctx: FraudContext, config: MfaConfig): FraudTrigger | undefined;
}

/** The baseline is 24 h long; the recent window 10 minutes. */
export const BASELINE_WINDOWS = (24 * 60) / 10;
