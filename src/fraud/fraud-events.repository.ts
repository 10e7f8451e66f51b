import { Injectable } from '@nestjs/common';
import { MfaDb, Queryable } from '../database/mfa-db';
import { purgeBatch } from '../database/purge';

export interface FraudEvent {
  id: string;
  rule: string;
  action: 'blocked' | 'monitored';
  maskedPhone: string;
  prefix: string;
  country: string | null;
  userId: string | null;
  clientIp: string | null;
  detail: string | null;
  createdAt: Date;
}

export type NewFraudEvent = Omit<FraudEvent, 'id'>;

export interface FraudEventFilter {
  rule?: string;
  country?: string;
  from?: Date;
  to?: Date;
  /** Keyset paging: events older than this id. */
  before?: string;
  limit: number;
}

@Injectable()
export class FraudEventsRepository {
  constructor(private readonly db: MfaDb) {}

  async record(events: NewFraudEvent[]): Promise<void> {
    if (!events.length) return;
    const column = <K extends keyof NewFraudEvent>(k: K) => events.map((e) => e[k]);
    await this.db.query(
      `INSERT INTO sms_fraud_events (rule, action, masked_phone, prefix, country, user_id, client_ip, detail, created_at)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::char(2)[], $6::text[], $7::text[], $8::text[], $9::timestamptz[])`,
      [
        column('rule'),
        column('action'),
        column('maskedPhone'),
        column('prefix'),
        column('country'),
        column('userId'),
        column('clientIp'),
        column('detail'),
        column('createdAt'),
      ],
    );
  }

  /** Newest first; filters are optional; `before` continues a page. */
  async list(f: FraudEventFilter): Promise<FraudEvent[]> {
    const rows = await this.db.query<FraudEventRow>(
      `SELECT * FROM sms_fraud_events
        WHERE ($1::text IS NULL OR rule = $1)
          AND ($2::text IS NULL OR country = $2)
          AND ($3::timestamptz IS NULL OR created_at >= $3)
          AND ($4::timestamptz IS NULL OR created_at < $4)
          AND ($5::bigint IS NULL OR id < $5)
        ORDER BY id DESC LIMIT $6`,
      [f.rule ?? null, f.country ?? null, f.from ?? null, f.to ?? null, f.before ?? null, f.limit],
    );
    return rows.map((r) => ({
      id: String(r.id),
      rule: r.rule,
      action: r.action,
      maskedPhone: r.masked_phone,
      prefix: r.prefix,
      country: r.country,
      userId: r.user_id,
      clientIp: r.client_ip,
      detail: r.detail,
      createdAt: new Date(r.created_at),
    }));
  }

  /** Retention: one batch of events older than `edge`. */
  purgeBefore(edge: Date, limit: number): Promise<number> {
    return purgeBatch(this.db.query.bind(this.db), 'sms_fraud_events', 'created_at < $2', limit, [edge]);
  }

  /** GDPR access: the fraud events about the user. */
  exportFor(userId: string) {
    return this.db.query<FraudEventExportRow>(
      `SELECT id, rule, action, masked_phone AS "maskedPhone", country, client_ip AS "clientIp", detail,
              created_at AS "createdAt" FROM sms_fraud_events WHERE user_id = $1 ORDER BY id`,
      [userId],
    );
  }

  /** GDPR erasure: events stay for the fraud record, without user, address, or more of the number than its calling code. */
  async eraseFor(userId: string, query: Queryable): Promise<number> {
    const rows = await query(
      `UPDATE sms_fraud_events SET user_id = NULL, client_ip = NULL,
              masked_phone = split_part(masked_phone, ' ', 1) || ' ••• ••• ••', prefix = split_part(masked_phone, ' ', 1)
        WHERE user_id = $1 RETURNING 1`,
      [userId],
    );
    return rows.length;
  }

  /** For the alerts: triggers since `since`, on every instance. */
  async countSince(since: Date): Promise<number> {
    interface CountRow {
      n: number;
    }
    const [r] = await this.db.query<CountRow>(`SELECT count(*)::int AS n FROM sms_fraud_events WHERE created_at > $1`, [since]);
    return r.n;
  }
}

/** A row of sms_fraud_events. */
interface FraudEventRow {
  id: string;
  rule: string;
  action: 'blocked' | 'monitored';
  masked_phone: string;
  prefix: string;
  country: string | null;
  user_id: string | null;
  client_ip: string | null;
  detail: string | null;
  created_at: Date;
}

export interface FraudEventExportRow {
  id: string;
  rule: string;
  action: 'blocked' | 'monitored';
  maskedPhone: string;
  country: string | null;
  clientIp: string | null;
  detail: string | null;
  createdAt: Date;
}
