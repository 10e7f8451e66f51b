import { MfaDb, Queryable } from '../database/mfa-db';

/** What every factor is, whatever its kind. */
export interface Factor {
  id: string;
  userId: string;
  verifiedAt?: Date;
  createdAt: Date;
  lastUsedAt?: Date;
}

/** The columns every factor table has. */
export interface FactorRow {
  id: string;
  user_id: string;
  verified_at: Date | null;
  created_at: Date;
  last_used_at: Date | null;
}

/** A factor's own columns as its owner reads them back (GDPR access). */
export interface FactorExportRow {
  id: string;
  verifiedAt: Date | null;
  createdAt: Date;
  lastUsedAt: Date | null;
}

/** The common columns, read into a Factor; each kind adds its own. */
export function toFactor(r: FactorRow): Factor {
  return {
    id: r.id,
    userId: r.user_id,
    verifiedAt: r.verified_at ? new Date(r.verified_at) : undefined,
    createdAt: new Date(r.created_at),
    lastUsedAt: r.last_used_at ? new Date(r.last_used_at) : undefined,
  };
}

/**
 * The statements the SMS and TOTP factor tables answer alike: a user's
 * factors, and their erasure. Each kind's repository adds what only it does
 * (sending, time steps); removing one factor is FactorRemovalRepository's
 * (it holds the last-factor policy).
 */
export abstract class FactorsTable<Row extends FactorRow, F extends Factor> {
  private readonly sql: { list: string; erase: string };

  protected constructor(
    protected readonly db: MfaDb,
    table: 'mfa_sms_factors' | 'mfa_totp_factors',
    private readonly read: (row: Row) => F,
  ) {
    this.sql = {
      list: `SELECT * FROM ${table} WHERE user_id = $1 ORDER BY created_at`,
      erase: `DELETE FROM ${table} WHERE user_id = $1 RETURNING 1`,
    };
  }

  async list(userId: string): Promise<F[]> {
    return (await this.db.query<Row>(this.sql.list, [userId])).map(this.read);
  }

  /** GDPR erasure (in the caller's transaction): the user's factors go. */
  async eraseFor(userId: string, query: Queryable): Promise<number> {
    return (await query(this.sql.erase, [userId])).length;
  }
}
