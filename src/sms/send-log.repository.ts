import { Injectable } from '@nestjs/common';
import { MfaDb } from '../database/mfa-db';
import { ProviderError, SendResult } from './providers/sms-provider';

export interface AttemptStart {
  challengeId: string;
  userId: string;
  provider: string;
  attempt: number;
  country?: string;
}

/**
 * One row per provider attempt. The row is written as 'sending' before the
 * provider is called, so a crash in between leaves a trace, never nothing.
 */
@Injectable()
export class SendLogRepository {
  constructor(private readonly db: MfaDb) {}

  async begin(a: AttemptStart): Promise<string> {
    const rows: { id: string }[] = await this.db.query(
      `INSERT INTO sms_send_log (challenge_id, user_id, provider, attempt, status, country)
       VALUES ($1, $2, $3, $4, 'sending', $5) RETURNING id`,
      [a.challengeId, a.userId, a.provider, a.attempt, a.country ?? null],
    );
    return rows[0].id;
  }

  async accepted(id: string, result: SendResult, latencyMs: number): Promise<void> {
    await this.db.query(
      `UPDATE sms_send_log
          SET status = $2, provider_message_id = $3, segments = $4, price = $5, currency = $6,
              latency_ms = $7, updated_at = now(),
              delivered_at = CASE WHEN $2 = 'delivered' THEN now() END
        WHERE id = $1`,
      [
        id,
        result.status,
        result.providerMessageId ?? null,
        result.segments ?? null,
        result.price ?? null,
        result.currency ?? null,
        latencyMs,
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
}
