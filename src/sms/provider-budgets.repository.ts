import { Injectable } from '@nestjs/common';
import type { ProviderLimits } from '../config/mfa-config';
import { MfaDb } from '../database/mfa-db';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const floorTo = (t: number, unit: number) => new Date(Math.floor(t / unit) * unit);

/**
 * Per-provider send budgets (per minute, hour and day, fixed windows) shared
 * by every instance through the database.
 */
@Injectable()
export class ProviderBudgetsRepository {
  constructor(private readonly db: MfaDb) {}

  /**
   * Atomic: one conditional upsert on the provider's row. The WHERE clause is
   * re-checked under the row lock, so concurrent takers never exceed a budget.
   * Returns false when any window is spent.
   */
  async tryTake(provider: string, limits: ProviderLimits, now: Date): Promise<boolean> {
    const t = now.getTime();
    const rows = await this.db.query(
      `INSERT INTO sms_provider_budgets AS b
         (provider, minute_start, minute_count, hour_start, hour_count, day_start, day_count)
       VALUES ($1, $2, 1, $3, 1, $4, 1)
       ON CONFLICT (provider) DO UPDATE SET
         minute_count = CASE WHEN b.minute_start = $2 THEN b.minute_count + 1 ELSE 1 END, minute_start = $2,
         hour_count   = CASE WHEN b.hour_start   = $3 THEN b.hour_count   + 1 ELSE 1 END, hour_start   = $3,
         day_count    = CASE WHEN b.day_start    = $4 THEN b.day_count    + 1 ELSE 1 END, day_start    = $4
       WHERE (b.minute_start <> $2 OR b.minute_count < $5)
         AND (b.hour_start   <> $3 OR b.hour_count   < $6)
         AND (b.day_start    <> $4 OR b.day_count    < $7)
       RETURNING provider`,
      [provider, floorTo(t, MINUTE), floorTo(t, HOUR), floorTo(t, DAY), limits.maxPerMinute, limits.maxPerHour, limits.maxPerDay],
    );
    return rows.length === 1;
  }
}
