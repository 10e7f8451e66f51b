import { Injectable } from '@nestjs/common';
import { MfaDb } from '../database/mfa-db';
import type { FraudStats } from './fraud-rule';

export interface StatsQuery {
  userId: string;
  clientIp?: string;
  e164: string;
  prefix: string;
  country?: string;
  now: Date;
  /** Codes younger than this could still be used: conversion counts older ones only. */
  codeValidityMinutes: number;
}

/** All the statistics the fraud rules read, in one round trip over indexed columns of the challenges. */
@Injectable()
export class FraudStatsRepository {
  constructor(private readonly db: MfaDb) {}

  async read(q: StatsQuery): Promise<FraudStats> {
    const [r] = await this.db.query(
      `SELECT
         (SELECT count(DISTINCT phone_e164) FROM mfa_challenges
           WHERE user_id = $1 AND created_at > $5::timestamptz - interval '24 hours' AND phone_e164 <> $3) AS user_numbers,
         (SELECT count(DISTINCT phone_e164) FROM mfa_challenges
           WHERE client_ip = $2 AND created_at > $5::timestamptz - interval '24 hours' AND phone_e164 <> $3) AS ip_numbers,
         (SELECT count(*) FROM mfa_challenges WHERE prefix = $4 AND created_at > $5::timestamptz - interval '10 minutes') AS prefix_recent,
         (SELECT count(*) FROM mfa_challenges WHERE prefix = $4
           AND created_at > $5::timestamptz - interval '24 hours 10 minutes' AND created_at <= $5::timestamptz - interval '10 minutes') AS prefix_baseline,
         (SELECT count(*) FROM mfa_challenges WHERE country = $6 AND created_at > $5::timestamptz - interval '10 minutes') AS country_recent,
         (SELECT count(*) FROM mfa_challenges WHERE country = $6
           AND created_at > $5::timestamptz - interval '24 hours 10 minutes' AND created_at <= $5::timestamptz - interval '10 minutes') AS country_baseline,
         (SELECT count(*) FROM mfa_challenges WHERE prefix = $4
           AND created_at > $5::timestamptz - interval '24 hours' AND created_at <= $5::timestamptz - make_interval(mins => $7)) AS prefix_settled,
         (SELECT count(*) FROM mfa_challenges WHERE prefix = $4 AND consumed_at IS NOT NULL
           AND created_at > $5::timestamptz - interval '24 hours' AND created_at <= $5::timestamptz - make_interval(mins => $7)) AS prefix_verified`,
      [q.userId, q.clientIp ?? null, q.e164, q.prefix, q.now, q.country ?? null, q.codeValidityMinutes],
    );
    return {
      userOtherNumbers: Number(r.user_numbers),
      ipOtherNumbers: Number(r.ip_numbers),
      prefixRecent: Number(r.prefix_recent),
      prefixBaseline: Number(r.prefix_baseline),
      countryRecent: Number(r.country_recent),
      countryBaseline: Number(r.country_baseline),
      prefixSettled: Number(r.prefix_settled),
      prefixVerified: Number(r.prefix_verified),
    };
  }
}
