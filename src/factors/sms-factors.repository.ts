import { Injectable } from '@nestjs/common';
import {
  AssuranceRow,
  RaisedAssuranceRow,
  raiseAssuranceSql,
  stepUpSql,
  toAssurance,
} from '../assurance/assurance.repository';
import type { AssuranceRaise, StepUpCheck } from '../assurance/assurance.service';
import { inUserFactorsLock } from '../database/advisory-lock';
import { MfaDb, Queryable } from '../database/mfa-db';
import { Factor, FactorExportRow, FactorRow, FactorsTable, toFactor } from './factors-table';
import {
  countryVerdictSql,
  toCountryVerdict,
  type CountryVerdictInput,
  type CountryVerdictRow,
} from '../phone/country-rules.repository';

export interface SmsFactor extends Factor {
  phoneE164: string;
  country?: string;
}

/** A verified factor with what a send to it needs to know, read in the same statement. */
export interface SendableFactor extends SmsFactor {
  optedOut: boolean;
  /** Enrolled by voice on a fixed line: it takes voice only. */
  fixedLine: boolean;
  countryRules: CountryVerdictInput;
  /** The range its codes are counted under; none on a factor from before ranges were recorded. */
  prefix?: string;
}

@Injectable()
export class SmsFactorsRepository extends FactorsTable<SmsFactorRow, SmsFactor> {
  constructor(db: MfaDb) {
    super(db, 'mfa_sms_factors', toSmsFactor);
  }

  /**
   * The user's verified number with, in the same read, its opt-out state and
   * the country rules that apply to it (so a rule change applies to the very
   * next send, on every instance, at no extra round trip).
   */
  async findSendable(userId: string): Promise<SendableFactor | undefined> {
    interface SendableFactorRow extends SmsFactorRow, CountryVerdictRow {
      opted_out: boolean;
    }
    const rows = await this.db.query<SendableFactorRow>(
      `SELECT f.*,
              EXISTS (SELECT 1 FROM sms_opt_outs o WHERE o.phone_e164 = f.phone_e164) AS opted_out,
              ${countryVerdictSql('f.country')}
         FROM mfa_sms_factors f WHERE f.user_id = $1 AND f.verified_at IS NOT NULL
        ORDER BY f.verified_at DESC LIMIT 1`,
      [userId],
    );
    const r = rows[0];
    return (
      r && {
        ...toSmsFactor(r),
        optedOut: r.opted_out,
        fixedLine: r.fixed_line,
        countryRules: toCountryVerdict(r),
        prefix: r.prefix ?? undefined,
      }
    );
  }

  /**
   * One verified phone per user (phones change: the new one replaces the old).
   * Atomic: marks this factor verified, removes the user's other SMS factors
   * (killing their live codes; the challenges stay as fraud evidence) and
   * raises the session, only while the step-up condition holds (a user
   * who already holds a factor must be at aal2 in this session). Under the
   * user's factor lock, as every change to a user's factors: a TOTP activation
   * racing this one decides on what this one committed, and vice versa.
   */
  async markVerifiedReplacingOthers(
    id: string,
    userId: string,
    stepUp: StepUpCheck,
    raise: AssuranceRaise,
  ): Promise<{ allowed: boolean; assurance?: AssuranceRow }> {
    type VerifiedRow = { allowed: boolean } & RaisedAssuranceRow;
    const [r] = await inUserFactorsLock(this.db, userId, (query) =>
      query<VerifiedRow>(
        `WITH allowed AS (SELECT ${stepUpSql({ user: '$2', session: '$4', since: '$5', now: '$3' })} AS ok),
       verified AS (
         UPDATE mfa_sms_factors SET verified_at = $3, last_used_at = $3
          WHERE id = $1 AND user_id = $2 AND (SELECT ok FROM allowed) RETURNING id
       ), replaced AS (
         DELETE FROM mfa_sms_factors WHERE user_id = $2 AND id <> $1 AND EXISTS (SELECT 1 FROM verified) RETURNING id
       ), orphaned AS (
         UPDATE mfa_challenges SET invalidated_at = $3
          WHERE user_id = $2 AND factor_id IN (SELECT id FROM replaced) AND consumed_at IS NULL AND invalidated_at IS NULL
       ), raised AS (
         ${raiseAssuranceSql({ user: '$2', session: '$4', method: "'sms'", now: '$3', expires: '$6' }, 'FROM verified')}
       )
       SELECT (SELECT ok FROM allowed) AS allowed, raised.methods, raised.verified_at, raised.expires_at
         FROM (SELECT 1) AS one LEFT JOIN raised ON true`,
        [id, userId, raise.now, stepUp.session, stepUp.since, raise.expiresAt],
      ),
    );
    return { allowed: r.allowed, assurance: r.methods ? toAssurance(r) : undefined };
  }

  /** GDPR access: the user's numbers, in full (it is their own data). */
  exportFor(userId: string) {
    return this.db.query<SmsFactorExportRow>(
      `SELECT id, phone_e164 AS "phoneNumber", country, verified_at AS "verifiedAt", created_at AS "createdAt",
              last_used_at AS "lastUsedAt" FROM mfa_sms_factors WHERE user_id = $1 ORDER BY created_at`,
      [userId],
    );
  }

  /**
   * Records the range of a factor from before ranges were recorded (once: a
   * login code to it can then be sent in one statement). Its own statement,
   * one row, no other lock held.
   */
  async recordPrefix(id: string, prefix: string): Promise<void> {
    await this.db.query(`UPDATE mfa_sms_factors SET prefix = $2 WHERE id = $1 AND prefix IS NULL`, [id, prefix]);
  }

  async numbersFor(userId: string, query: Queryable): Promise<string[]> {
    interface NumberRow {
      phone_e164: string;
    }
    return (await query<NumberRow>(`SELECT phone_e164 FROM mfa_sms_factors WHERE user_id = $1`, [userId])).map(
      (r) => r.phone_e164,
    );
  }
}

/** A row of mfa_sms_factors. */
interface SmsFactorRow extends FactorRow {
  phone_e164: string;
  country: string | null;
  fixed_line: boolean;
  prefix: string | null;
}

export interface SmsFactorExportRow extends FactorExportRow {
  phoneNumber: string;
  country: string | null;
}

function toSmsFactor(r: SmsFactorRow): SmsFactor {
  return { ...toFactor(r), phoneE164: r.phone_e164, country: r.country ?? undefined };
}
