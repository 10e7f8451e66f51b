import { Injectable } from '@nestjs/common';
import { MfaDb } from '../database/mfa-db';

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
    const rows = await this.db.query(
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
}
