import { Injectable } from '@nestjs/common';
import { MfaDb } from '../database/mfa-db';

export interface AlertState {
  firing: boolean;
  since: Date;
}

/** Which alerts are firing, shared by every instance (an episode is notified once, and so is its end). */
@Injectable()
export class AlertsRepository {
  constructor(private readonly db: MfaDb) {}

  async states(): Promise<Map<string, AlertState>> {
    interface AlertStateRow {
      key: string;
      firing: boolean;
      since: Date;
    }
    const rows = await this.db.query<AlertStateRow>(`SELECT key, firing, since FROM mfa_alert_states`);
    return new Map(rows.map((r) => [r.key, { firing: r.firing, since: new Date(r.since) }]));
  }

  async save(key: string, firing: boolean, value: number, now: Date): Promise<void> {
    await this.db.query(
      `INSERT INTO mfa_alert_states (key, firing, since, value, updated_at) VALUES ($1, $2, $3, $4, $3)
       ON CONFLICT (key) DO UPDATE SET firing = $2, since = $3, value = $4, updated_at = $3`,
      [key, firing, now, value],
    );
  }
}
