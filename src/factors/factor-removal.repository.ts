import { Injectable } from '@nestjs/common';
import { stepUpSql } from '../assurance/assurance.repository';
import type { StepUpCheck } from '../assurance/assurance.service';
import { inUserFactorsLock } from '../database/advisory-lock';
import { MfaDb } from '../database/mfa-db';

export type RemovalOutcome = 'removed' | 'not_found' | 'step_up_required' | 'last_factor';

const TABLES = {
  sms: { table: 'mfa_sms_factors', key: 'id' },
  totp: { table: 'mfa_totp_factors', key: 'id' },
  recovery_codes: { table: 'mfa_recovery_codes', key: 'set_id' },
} as const;

/**
 * Removing a factor of any kind: the one statement set that reads all the
 * factor tables, because the decision (step-up, last factor) spans them.
 */
@Injectable()
export class FactorRemovalRepository {
  constructor(private readonly db: MfaDb) {}

  /**
   * One transaction under a per-user advisory lock, so that two removals
   * cannot each leave the other as the last factor. The step-up condition is
   * read with the session's row locked (a removal racing a logout decides on
   * what the logout committed). Recovery codes never count as the last factor.
   */
  async remove(
    userId: string,
    factorId: string,
    stepUp: StepUpCheck,
    now: Date,
    allowLast: boolean,
  ): Promise<RemovalOutcome> {
    /** The factor (type NULL: none by that id), the other verified factors (a bigint count), the step-up verdict. */
    interface RemovalTargetRow {
      type: keyof typeof TABLES | null;
      verified: boolean | null;
      others: string;
      step_up: boolean;
    }
    return inUserFactorsLock(this.db, userId, async (query) => {
      const [r] = await query<RemovalTargetRow>(
        `WITH target AS (
           SELECT 'sms' AS type, verified_at IS NOT NULL AS verified FROM mfa_sms_factors WHERE id = $2 AND user_id = $1
           UNION ALL SELECT 'totp', verified_at IS NOT NULL FROM mfa_totp_factors WHERE id = $2 AND user_id = $1
           UNION ALL (SELECT 'recovery_codes', false FROM mfa_recovery_codes WHERE set_id = $2 AND user_id = $1 LIMIT 1)
         )
         SELECT (SELECT type FROM target) AS type, (SELECT verified FROM target) AS verified,
                (SELECT count(*) FROM mfa_sms_factors WHERE user_id = $1 AND verified_at IS NOT NULL AND id <> $2)
                + (SELECT count(*) FROM mfa_totp_factors WHERE user_id = $1 AND verified_at IS NOT NULL AND id <> $2) AS others,
                ${stepUpSql({ user: '$1', session: '$3', since: '$4', now: '$5' })} AS step_up`,
        [userId, factorId, stepUp.session, stepUp.since, now],
      );
      if (!r.type) return 'not_found';
      if (!r.step_up) return 'step_up_required';
      if (r.verified && Number(r.others) === 0 && !allowLast) return 'last_factor';
      const { table, key } = TABLES[r.type];
      await query(`DELETE FROM ${table} WHERE ${key} = $1 AND user_id = $2`, [factorId, userId]);
      // A removed number's live codes die with it; its challenges stay as fraud evidence.
      // By user first: the live challenges are indexed by user (mfa_challenges_one_live).
      if (r.type === 'sms') {
        await query(
          `UPDATE mfa_challenges SET invalidated_at = $2
            WHERE user_id = $3 AND factor_id = $1 AND consumed_at IS NULL AND invalidated_at IS NULL`,
          [factorId, now, userId],
        );
      }
      return 'removed';
    });
  }
}
