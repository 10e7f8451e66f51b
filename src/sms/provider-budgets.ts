import { Injectable } from '@nestjs/common';
import type { ProviderLimits } from './providers/providers.config';
import { MfaDb } from '../database/mfa-db';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const floorTo = (t: number, unit: number) => Math.floor(t / unit) * unit;

/** Slots leased at once: small next to the per-minute budget, so that little can be stranded. */
export function leaseSize(limits: ProviderLimits): number {
  return Math.max(1, Math.min(100, Math.floor(limits.maxPerMinute / 20)));
}

/** A row of sms_provider_budgets: each window's start and the slots leased in it. */
interface ProviderBudgetRow {
  provider: string;
  minute_start: Date;
  minute_count: number;
  hour_start: Date;
  hour_count: number;
  day_start: Date;
  day_count: number;
}

interface Lease {
  minute: number;
  remaining: number;
}

/**
 * Per-provider send budgets (per minute, hour and day, fixed windows) shared
 * by every instance through the database. Each instance leases a small block
 * of slots at a time (one row-locked transaction), then spends it in memory,
 * so a send costs no database work until its block is spent. The database
 * counts every leased slot, so instances together never exceed a budget; slots
 * an instance leased but did not use in a minute are lost to the hour and day
 * (at most one block per instance per minute).
 */
@Injectable()
export class ProviderBudgets {
  private readonly leases = new Map<string, Lease>();
  private readonly refills = new Map<string, Promise<number>>();

  constructor(private readonly db: MfaDb) {}

  async tryTake(provider: string, limits: ProviderLimits, now: Date): Promise<boolean> {
    const minute = floorTo(now.getTime(), MINUTE);
    for (;;) {
      const lease = this.leases.get(provider);
      if (lease?.minute === minute && lease.remaining > 0) {
        lease.remaining -= 1;
        return true;
      }
      // Concurrent callers share one refill; a refill that grants nothing means the budget is spent.
      let refill = this.refills.get(provider);
      if (!refill) {
        refill = this.refill(provider, limits, now).finally(() => this.refills.delete(provider));
        this.refills.set(provider, refill);
      }
      if ((await refill) === 0) return false;
    }
  }

  /** Returns a slot taken by tryTake() but not used (to the in-memory lease: it stays leased). */
  giveBack(provider: string): void {
    const lease = this.leases.get(provider);
    if (lease) lease.remaining += 1;
  }

  /** Leases up to leaseSize() slots; returns how many were granted. */
  private async refill(provider: string, limits: ProviderLimits, now: Date): Promise<number> {
    const t = now.getTime();
    const windows = { minute: new Date(floorTo(t, MINUTE)), hour: new Date(floorTo(t, HOUR)), day: new Date(floorTo(t, DAY)) };
    const granted = await this.db.transaction(async (query) => {
      await query(
        `INSERT INTO sms_provider_budgets (provider, minute_start, minute_count, hour_start, hour_count, day_start, day_count)
         VALUES ($1, $2, 0, $3, 0, $4, 0) ON CONFLICT (provider) DO NOTHING`,
        [provider, windows.minute, windows.hour, windows.day],
      );
      const [row] = await query<ProviderBudgetRow>(`SELECT * FROM sms_provider_budgets WHERE provider = $1 FOR UPDATE`, [provider]);
      // A window never moves back: a caller whose clock is behind (skew between instances, or a time read just
      // before the minute turned) is counted in the newer window another instance opened, never resets it.
      const latest = (stored: Date, mine: Date) => (new Date(stored).getTime() > mine.getTime() ? new Date(stored) : mine);
      const minute = latest(row.minute_start, windows.minute);
      const hour = latest(row.hour_start, windows.hour);
      const day = latest(row.day_start, windows.day);
      const used = (start: Date, count: number, window: Date) => (new Date(start).getTime() === window.getTime() ? count : 0);
      const minuteUsed = used(row.minute_start, row.minute_count, minute);
      const hourUsed = used(row.hour_start, row.hour_count, hour);
      const dayUsed = used(row.day_start, row.day_count, day);
      const take = Math.max(
        0,
        Math.min(leaseSize(limits), limits.maxPerMinute - minuteUsed, limits.maxPerHour - hourUsed, limits.maxPerDay - dayUsed),
      );
      await query(
        `UPDATE sms_provider_budgets SET minute_start = $2, minute_count = $3, hour_start = $4, hour_count = $5,
                day_start = $6, day_count = $7 WHERE provider = $1`,
        [provider, minute, minuteUsed + take, hour, hourUsed + take, day, dayUsed + take],
      );
      return take;
    });
    this.leases.set(provider, { minute: windows.minute.getTime(), remaining: granted });
    return granted;
  }
}
