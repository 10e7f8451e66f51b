import { Injectable } from '@nestjs/common';
import { MfaDb } from '../database/mfa-db';

export type CountryAction = 'allow' | 'block';

export interface CountryRule {
  country: string;
  action: CountryAction;
  reason: string | null;
  updatedAt: Date;
  updatedBy: string;
}

/** What the rules say about one country, read in one statement at every send. */
export interface CountryVerdictInput {
  action?: CountryAction;
  allowListActive: boolean;
}

/**
 * The columns `country_action` and `allow_list` that decide a send to
 * `country` (an SQL expression): for the statements that read a number and its
 * rules together, so every send sees the rules of the moment.
 */
export const countryVerdictSql = (country: string) =>
  `(SELECT action FROM sms_country_rules r WHERE r.country = ${country}) AS country_action,
   EXISTS (SELECT 1 FROM sms_country_rules WHERE action = 'allow') AS allow_list`;

/** The columns of countryVerdictSql. */
export interface CountryVerdictRow {
  country_action: CountryAction | null;
  allow_list: boolean;
}

export function toCountryVerdict(row: CountryVerdictRow): CountryVerdictInput {
  return { action: row.country_action ?? undefined, allowListActive: row.allow_list };
}

/** Country allow/block rules, shared by every instance; each change is also written to an audit table. */
@Injectable()
export class CountryRulesRepository {
  constructor(private readonly db: MfaDb) {}

  async list(): Promise<CountryRule[]> {
    const rows = await this.db.query<CountryRuleRow>(`SELECT * FROM sms_country_rules ORDER BY country`);
    return rows.map(toRule);
  }

  async verdictInput(country: string | undefined): Promise<CountryVerdictInput> {
    const [row] = await this.db.query<CountryVerdictRow>(`SELECT ${countryVerdictSql('$1')}`, [country ?? null]);
    return toCountryVerdict(row);
  }

  /** Upsert and audit in one statement. */
  async put(country: string, action: CountryAction, reason: string | null, by: string, now: Date): Promise<CountryRule> {
    const [row] = await this.db.query<CountryRuleRow>(
      `WITH rule AS (
         INSERT INTO sms_country_rules (country, action, reason, updated_at, updated_by) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (country) DO UPDATE SET action = $2, reason = $3, updated_at = $4, updated_by = $5
         RETURNING *
       ), audit AS (
         INSERT INTO sms_country_rule_changes (country, action, reason, changed_at, changed_by) VALUES ($1, $2, $3, $4, $5)
       )
       SELECT * FROM rule`,
      [country, action, reason, now, by],
    );
    return toRule(row);
  }

  /** Delete and audit in one statement; false when there was no rule. */
  async delete(country: string, by: string, now: Date): Promise<boolean> {
    const rows = await this.db.query(
      `WITH gone AS (DELETE FROM sms_country_rules WHERE country = $1 RETURNING country),
       audit AS (
         INSERT INTO sms_country_rule_changes (country, action, reason, changed_at, changed_by)
         SELECT country, NULL, 'deleted', $2, $3 FROM gone
       )
       SELECT country FROM gone`,
      [country, now, by],
    );
    return rows.length === 1;
  }

  /** The initial lists from the environment; rules already stored (admin edits) win. */
  async seed(allowed: string[], blocked: string[], now: Date): Promise<void> {
    const rules = [...allowed.map((c) => [c, 'allow']), ...blocked.map((c) => [c, 'block'])];
    if (!rules.length) return;
    await this.db.query(
      `INSERT INTO sms_country_rules (country, action, reason, updated_at, updated_by)
       SELECT c, a, 'initial list from the environment', $3, 'environment'
         FROM unnest($1::text[], $2::text[]) AS r(c, a)
       ON CONFLICT (country) DO NOTHING`,
      [rules.map((r) => r[0]), rules.map((r) => r[1]), now],
    );
  }
}

/** A row of sms_country_rules. */
interface CountryRuleRow {
  country: string;
  action: CountryAction;
  reason: string | null;
  updated_at: Date;
  updated_by: string;
}

function toRule(r: CountryRuleRow): CountryRule {
  return {
    country: r.country,
    action: r.action,
    reason: r.reason,
    updatedAt: new Date(r.updated_at),
    updatedBy: r.updated_by,
  };
}
