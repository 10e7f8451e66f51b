import { Injectable } from '@nestjs/common';
import { MfaDb } from '../database/mfa-db';
import type { FraudStats, RegionStats } from './fraud-rule';

export interface StatsQuery {
  userId: string;
  clientIp?: string;
  e164: string;
  prefix: string;
  country?: string;
  now: Date;
  /** Codes younger than this could still be used: conversion counts older ones only. */
  settleMinutes: number;
  /** Test numbers prove nothing: a code to one does not make its requester proven. */
  testNumbers: string[];
}

/** Distinct requesters behind a set of challenges: accounts or client addresses, whichever are fewer. */
const REQUESTERS = `LEAST(count(DISTINCT user_id), count(DISTINCT COALESCE(client_ip, user_id)))`;

/** The figures of one region (rows of `src`, the region's challenges of the last 24 h 10 min), prefixed `p`. */
const region = (src: string, p: string) => `
  (SELECT ${REQUESTERS} FROM ${src} WHERE created_at > $5::timestamptz - interval '10 minutes') AS ${p}_recent,
  (SELECT count(*) FROM ${src} WHERE created_at <= $5::timestamptz - interval '10 minutes') AS ${p}_base_sends,
  (SELECT ${REQUESTERS} FROM ${src} WHERE created_at <= $5::timestamptz - interval '10 minutes') AS ${p}_base_requesters,
  (SELECT count(*) FROM ${src} WHERE ${SETTLED}) AS ${p}_settled,
  (SELECT count(*) FROM ${src} WHERE ${SETTLED} AND consumed_at IS NOT NULL) AS ${p}_verified,
  (SELECT ${REQUESTERS} FROM ${src} WHERE ${SETTLED}) AS ${p}_settled_requesters,
  (SELECT count(*) FROM ${src} WHERE created_at > $5::timestamptz - interval '24 hours' AND consumed_at IS NOT NULL) AS ${p}_verified_any,
  (SELECT count(*) FROM ${src} WHERE created_at > $5::timestamptz - make_interval(mins => $7) AND consumed_at IS NULL) AS ${p}_pending`;
const SETTLED = `created_at > $5::timestamptz - interval '24 hours' AND created_at <= $5::timestamptz - make_interval(mins => $7)`;

/** All the statistics the fraud rules read, in one round trip over indexed columns of the challenges. */
@Injectable()
export class FraudStatsRepository {
  constructor(private readonly db: MfaDb) {}

  async read(q: StatsQuery): Promise<FraudStats> {
    const [r] = await this.db.query<FraudStatsRow>(
      `WITH p AS (
         SELECT user_id, client_ip, created_at, consumed_at FROM mfa_challenges
          WHERE prefix = $4 AND created_at > $5::timestamptz - interval '24 hours 10 minutes'
       ), c AS (
         SELECT user_id, client_ip, created_at, consumed_at FROM mfa_challenges
          WHERE country = $6 AND created_at > $5::timestamptz - interval '24 hours 10 minutes'
       )
       SELECT
         (SELECT count(DISTINCT phone_e164) FROM mfa_challenges
           WHERE user_id = $1 AND created_at > $5::timestamptz - interval '24 hours' AND phone_e164 <> $3) AS user_numbers,
         (SELECT count(DISTINCT phone_e164) FROM mfa_challenges
           WHERE client_ip = $2 AND created_at > $5::timestamptz - interval '24 hours' AND phone_e164 <> $3) AS ip_numbers,
         ${region('p', 'p')},
         ${region('c', 'c')},
         (EXISTS (SELECT 1 FROM mfa_sms_factors WHERE user_id = $1 AND verified_at IS NOT NULL AND phone_e164 <> ALL ($8::text[]))
          OR EXISTS (SELECT 1 FROM mfa_challenges WHERE user_id = $1 AND consumed_at IS NOT NULL AND phone_e164 <> ALL ($8::text[])))
           AS proven`,
      [q.userId, q.clientIp ?? null, q.e164, q.prefix, q.now, q.country ?? null, q.settleMinutes, q.testNumbers],
    );
    return {
      userOtherNumbers: Number(r.user_numbers),
      ipOtherNumbers: Number(r.ip_numbers),
      prefix: regionStats(r, 'p'),
      country: regionStats(r, 'c'),
      requesterProven: r.proven,
    };
  }
}

/** The figures of one region, each a count (bigint: a string), prefixed `p_` (prefix) or `c_` (country). */
type RegionColumn = 'recent' | 'base_sends' | 'base_requesters' | 'settled' | 'verified' | 'settled_requesters' | 'verified_any' | 'pending';
type RegionRow<P extends string> = Record<`${P}_${RegionColumn}`, string>;

interface FraudStatsRow extends RegionRow<'p'>, RegionRow<'c'> {
  user_numbers: string;
  ip_numbers: string;
  proven: boolean;
}

function regionStats(r: FraudStatsRow, p: 'p' | 'c'): RegionStats {
  const n = (key: RegionColumn) => Number(r[`${p}_${key}`]);
  return {
    recentRequesters: n('recent'),
    baselineSends: n('base_sends'),
    baselineRequesters: n('base_requesters'),
    settled: n('settled'),
    verified: n('verified'),
    settledRequesters: n('settled_requesters'),
    verifiedAny: n('verified_any'),
    pending: n('pending'),
  };
}
