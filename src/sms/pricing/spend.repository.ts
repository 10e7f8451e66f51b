import { Injectable } from '@nestjs/common';
import { MfaDb } from '../../database/mfa-db';

/** The day's spend per scope ('*' for all destinations, else a country), shared by every instance. */
@Injectable()
export class SpendRepository {
  constructor(private readonly db: MfaDb) {}

  /** Atomic (mfa_take_spend): reserves `amount` on every scope, or on none; returns the scope that refused. */
  async take(day: string, scopes: string[], caps: number[], amount: number): Promise<string | undefined> {
    interface TakeRow {
      refused: string | null;
    }
    const [r] = await this.db.query<TakeRow>(`SELECT mfa_take_spend($1::date, $2::text[], $3::numeric[], $4) AS refused`, [
      day,
      scopes,
      caps,
      amount,
    ]);
    return r.refused ?? undefined;
  }

  /** Moves the day's spend by `delta` (a release is negative; a reported price corrects an estimate). */
  async add(day: string, scopes: string[], delta: number): Promise<void> {
    if (delta === 0) return;
    await this.db.query(
      `INSERT INTO sms_spend_daily AS s (day, scope, spent_usd) SELECT $1::date, unnest($2::text[]), GREATEST(0, $3::numeric)
       ON CONFLICT (day, scope) DO UPDATE SET spent_usd = GREATEST(0, s.spent_usd + $3::numeric)`,
      [day, scopes, delta],
    );
  }

  /** The day's spend of every scope. */
  async read(day: string): Promise<{ scope: string; spentUsd: number }[]> {
    interface SpendRow {
      scope: string;
      /** numeric: a string. */
      spent_usd: string;
    }
    const rows = await this.db.query<SpendRow>(`SELECT scope, spent_usd FROM sms_spend_daily WHERE day = $1::date`, [day]);
    return rows.map((r) => ({ scope: r.scope, spentUsd: Number(r.spent_usd) }));
  }
}
