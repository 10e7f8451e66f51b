import { Injectable } from '@nestjs/common';
import { MfaDb } from '../database/mfa-db';

/** Numbers that sent STOP. Kept until START (not pruned by retention: it is the consent record). */
@Injectable()
export class OptOutsRepository {
  constructor(private readonly db: MfaDb) {}

  async optOut(phoneE164: string, keyword: string, provider: string, now: Date): Promise<void> {
    await this.db.query(
      `INSERT INTO sms_opt_outs (phone_e164, opted_out_at, keyword, provider) VALUES ($1, $2, $3, $4)
       ON CONFLICT (phone_e164) DO UPDATE SET opted_out_at = $2, keyword = $3, provider = $4`,
      [phoneE164, now, keyword, provider],
    );
  }

  async optIn(phoneE164: string): Promise<void> {
    await this.db.query(`DELETE FROM sms_opt_outs WHERE phone_e164 = $1`, [phoneE164]);
  }

  async isOptedOut(phoneE164: string): Promise<boolean> {
    const rows = await this.db.query(`SELECT 1 FROM sms_opt_outs WHERE phone_e164 = $1`, [phoneE164]);
    return rows.length > 0;
  }
}
