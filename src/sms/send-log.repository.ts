import { Inject, Injectable } from '@nestjs/common';
import { Batcher } from '../database/batcher';
import { batchOptions, DB_BATCH_CONFIG, type DbBatchConfig } from '../database/database.config';
import { MfaMetrics } from '../metrics/mfa-metrics';
import { MfaDb, Queryable } from '../database/mfa-db';
import { purgeBatch } from '../database/purge';
import { ProviderError, SendResult } from './providers/sms-provider';
import { Channel } from '../common/channel';

export interface AttemptStart {
  challengeId: string;
  userId: string;
  provider: string;
  attempt: number;
  country?: string;
  channel: Channel;
  /** Why a send the user did not ask for exists (a fallback). */
  reason?: string;
}

/** A provider's acceptance, to record. */
interface AcceptedWrite {
  id: string;
  result: SendResult;
  latencyMs: number;
  encoding: string;
  estimatedUsd: number;
}

/**
 * One row per provider attempt. The row is written as 'sending' before the
 * provider is called, so a crash in between leaves a trace, never nothing.
 */
@Injectable()
export class SendLogRepository {
  private readonly acceptedWrites: Batcher<AcceptedWrite>;

  constructor(
    private readonly db: MfaDb,
    @Inject(DB_BATCH_CONFIG) batching: DbBatchConfig,
    metrics: MfaMetrics,
  ) {
    this.acceptedWrites = new Batcher((items) => this.writeAccepted(items), {
      ...batchOptions(batching),
      ...metrics.batchObserver('accepted'),
    });
  }

  async begin(a: AttemptStart): Promise<string> {
    interface AttemptIdRow {
      /** bigserial: a string. */
      id: string;
    }
    const rows = await this.db.query<AttemptIdRow>(
      `INSERT INTO sms_send_log (challenge_id, user_id, provider, attempt, status, country, channel, reason)
       VALUES ($1, $2, $3, $4, 'sending', $5, $6, $7) RETURNING id`,
      [a.challengeId, a.userId, a.provider, a.attempt, a.country ?? null, a.channel, a.reason ?? null],
    );
    return rows[0].id;
  }

  /** The attempt opened with the challenge goes to another provider than first expected (the first one's budget was spent). */
  async reassign(id: string, provider: string): Promise<void> {
    await this.db.query(`UPDATE sms_send_log SET provider = $2, updated_at = now() WHERE id = $1`, [id, provider]);
  }

  /**
   * The provider took the message. Concurrent outcomes are written together
   * (see Batcher), and off the durable path: the statement commits with
   * synchronous_commit off (set for its own transaction, in the statement),
   * so it does not wait for the WAL flush. A crash can lose the last fraction
   * of a second of these writes, and nothing a user relies on: the challenge
   * was committed durably before the provider was called (the code stays
   * verifiable), and the reaper marks an attempt left 'sending' as 'unknown'
   * (the user can ask for a new code). Every other write on the send and
   * verify paths (limits, challenges, consumes, assurance) stays durable.
   */
  accepted(id: string, result: SendResult, latencyMs: number, encoding: string, estimatedUsd: number): Promise<void> {
    return this.acceptedWrites.add({ id, result, latencyMs, encoding, estimatedUsd });
  }

  private async writeAccepted(items: AcceptedWrite[]): Promise<void> {
    const column = <T>(f: (i: (typeof items)[number]) => T) => items.map(f);
    await this.db.query(
      `UPDATE sms_send_log AS l
          SET status = v.status, provider_message_id = v.message_id, segments = v.segments, price = v.price,
              currency = v.currency, latency_ms = v.latency_ms, encoding = v.encoding, estimated_usd = v.estimated_usd,
              updated_at = now(), delivered_at = CASE WHEN v.status = 'delivered' THEN now() END
         FROM unnest($1::bigint[], $2::text[], $3::text[], $4::smallint[], $5::numeric[], $6::char(3)[], $7::integer[], $8::text[],
                     $9::numeric[])
           AS v(id, status, message_id, segments, price, currency, latency_ms, encoding, estimated_usd),
              (SELECT set_config('synchronous_commit', 'off', true)) AS relaxed
        WHERE l.id = v.id`,
      [
        column((i) => i.id),
        column((i) => i.result.status),
        column((i) => i.result.providerMessageId ?? null),
        column((i) => i.result.segments ?? null),
        column((i) => i.result.price ?? null),
        column((i) => i.result.currency ?? null),
        column((i) => i.latencyMs),
        column((i) => i.encoding),
        column((i) => i.estimatedUsd),
      ],
    );
  }

  async failed(id: string, error: ProviderError, latencyMs: number, failoverTo?: string): Promise<void> {
    await this.db.query(
      `UPDATE sms_send_log
          SET status = 'failed', error_code = $2, error_kind = $3, failover_to = $4,
              latency_ms = $5, updated_at = now()
        WHERE id = $1`,
      [id, error.providerCode ?? error.reason, error.kind, failoverTo ?? null, latencyMs],
    );
  }

  /**
   * Resolves attempts still 'sending' long after any provider deadline (a
   * crash, or an acceptance that could not be written) as 'unknown'. Uses the
   * database's clock, which wrote created_at. Returns how many.
   */
  async reapStale(olderThanSeconds: number): Promise<number> {
    const rows = await this.db.query(
      `UPDATE sms_send_log SET status = 'unknown', error_code = 'no_outcome', updated_at = now()
        WHERE status = 'sending' AND created_at < now() - make_interval(secs => $1) RETURNING 1`,
      [olderThanSeconds],
    );
    return rows.length;
  }

  /**
   * A reported price replaces what the send was counted at (an earlier
   * report, else the estimate). Idempotent: the same price again moves
   * nothing. Returns the correction, or undefined for an unknown message.
   */
  async reportPrice(
    provider: string,
    providerMessageId: string,
    priceUsd: number,
  ): Promise<{ country?: string; at: Date; deltaUsd: number } | undefined> {
    interface PriceCorrectionRow {
      country: string | null;
      created_at: Date;
      /** numeric: a string. */
      delta: string;
    }
    const rows = await this.db.query<PriceCorrectionRow>(
      `UPDATE sms_send_log l SET price = $3, currency = 'USD', updated_at = now()
         FROM (SELECT id, COALESCE(CASE WHEN currency = 'USD' THEN price END, estimated_usd, 0) AS counted
                 FROM sms_send_log WHERE provider = $1 AND provider_message_id = $2 FOR UPDATE) AS before
        WHERE l.id = before.id
        RETURNING l.country, l.created_at, $3 - before.counted AS delta`,
      [provider, providerMessageId, priceUsd],
    );
    const r = rows[0];
    return r && { country: r.country ?? undefined, at: new Date(r.created_at), deltaUsd: Number(r.delta) };
  }

  /**
   * A delivery report. Idempotent and monotonic: the WHERE clause only lets a
   * status move forward (sending < queued < sent < final), so duplicated or
   * out-of-order callbacks never move it back. Returns the seconds from send to
   * delivery when this report is the one that marked it delivered.
   */
  async applyDeliveryStatus(
    provider: string,
    providerMessageId: string,
    status: DeliveryStatus,
    errorCode: string | undefined,
  ): Promise<{ applied: boolean; deliveredAfterSeconds?: number; challengeId?: string; channel?: Channel }> {
    interface DeliveryRow {
      /** numeric (extract): a string; NULL unless this report marked it delivered. */
      seconds: string | null;
      challenge_id: string | null;
      channel: Channel;
    }
    const rows = await this.db.query<DeliveryRow>(
      `UPDATE sms_send_log
          SET status = $3, error_code = COALESCE($4, error_code), updated_at = now(),
              delivered_at = CASE WHEN $3 = 'delivered' THEN now() ELSE delivered_at END
        WHERE provider = $1 AND provider_message_id = $2
          AND ${RANK('status')} < ${RANK('$3')}
        RETURNING CASE WHEN $3 = 'delivered' THEN extract(epoch FROM now() - created_at) END AS seconds,
                  challenge_id, channel`,
      [provider, providerMessageId, status, errorCode ?? null],
    );
    if (!rows.length) return { applied: false };
    const { seconds, challenge_id, channel } = rows[0];
    return {
      applied: true,
      deliveredAfterSeconds: seconds === null ? undefined : Number(seconds),
      challengeId: challenge_id ?? undefined,
      channel,
    };
  }

  /** Retention: one batch of rows older than `edge`. */
  purgeBefore(edge: Date, limit: number): Promise<number> {
    return purgeBatch(this.db.query.bind(this.db), 'sms_send_log', 'created_at < $2', limit, [edge]);
  }

  /** GDPR access: the user's send attempts. */
  exportFor(userId: string) {
    return this.db.query<SendLogExportRow>(
      `SELECT id, challenge_id AS "challengeId", provider, attempt, status, error_code AS "errorCode",
              segments, price, currency, country, created_at AS "createdAt", delivered_at AS "deliveredAt"
         FROM sms_send_log WHERE user_id = $1 ORDER BY id`,
      [userId],
    );
  }

  /** GDPR erasure: the rows stay as cost records, without the user. */
  async eraseFor(userId: string, query: Queryable): Promise<number> {
    return (await query(`UPDATE sms_send_log SET user_id = NULL WHERE user_id = $1 RETURNING 1`, [userId])).length;
  }

  /** For the alerts: attempts per provider since `since`, and how many failed. */
  async attemptsSince(since: Date): Promise<{ provider: string; total: number; failed: number }[]> {
    interface ProviderAttemptsRow {
      provider: string;
      total: number;
      failed: number;
    }
    return this.db.query<ProviderAttemptsRow>(
      `SELECT provider, count(*)::int AS total, count(*) FILTER (WHERE status IN ('failed', 'undelivered'))::int AS failed
         FROM sms_send_log WHERE created_at > $1 GROUP BY provider ORDER BY provider`,
      [since],
    );
  }

  /** For the alerts: per real provider, the 95th percentile of send-to-delivered seconds since `since`. */
  async deliveryP95Since(since: Date): Promise<{ provider: string; seconds: number }[]> {
    interface DeliveryP95Row {
      provider: string;
      /** percentile_cont: double precision. */
      p95: number;
    }
    const rows = await this.db.query<DeliveryP95Row>(
      `SELECT provider, percentile_cont(0.95) WITHIN GROUP (ORDER BY extract(epoch FROM delivered_at - created_at)) AS p95
         FROM sms_send_log WHERE created_at > $1 AND delivered_at IS NOT NULL AND status = 'delivered'
          AND provider NOT IN ('MOCK', 'TEST') GROUP BY provider ORDER BY provider`,
      [since],
    );
    return rows.map((r) => ({ provider: r.provider, seconds: Number(r.p95) }));
  }

  /** For the alerts: attempts the reaper resolved as 'unknown' in the last `minutes` (the database's clock). */
  async reapedWithin(minutes: number): Promise<number> {
    interface CountRow {
      n: number;
    }
    const [r] = await this.db.query<CountRow>(
      `SELECT count(*)::int AS n FROM sms_send_log WHERE status = 'unknown' AND updated_at > now() - make_interval(mins => $1)`,
      [minutes],
    );
    return r.n;
  }
}

export interface SendLogExportRow {
  /** bigserial: a string. */
  id: string;
  challengeId: string | null;
  provider: string;
  attempt: number;
  status: string;
  errorCode: string | null;
  segments: number | null;
  /** numeric: a string. */
  price: string | null;
  currency: string | null;
  country: string | null;
  createdAt: Date;
  deliveredAt: Date | null;
}

export type DeliveryStatus = 'queued' | 'sent' | 'delivered' | 'undelivered' | 'failed';

/** Order of statuses; every final one (delivered, undelivered, failed) ranks 3. */
const RANK = (expr: string) =>
  `(CASE ${expr}::text WHEN 'sending' THEN 0 WHEN 'queued' THEN 1 WHEN 'sent' THEN 2 ELSE 3 END)`;
