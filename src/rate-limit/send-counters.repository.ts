import { Injectable } from '@nestjs/common';
import { MfaDb, Queryable } from '../database/mfa-db';
import { purgeBatch } from '../database/purge';

/** The per-subject send history behind the limits (taken inside the challenge issue statement). */
@Injectable()
export class SendCountersRepository {
  constructor(private readonly db: MfaDb) {}

  /**
   * Gives back one send recorded at `at` on each subject: a send that no
   * provider took does not use up a quota. Removes a single occurrence.
   */
  async refund(subjects: string[], at: Date): Promise<void> {
    await this.db.query(
      `UPDATE sms_send_counters
          SET sends = sends[:array_position(sends, $2) - 1] || sends[array_position(sends, $2) + 1:]
        WHERE subject = ANY ($1) AND array_position(sends, $2) IS NOT NULL`,
      [subjects, at],
    );
  }

  /** One batch of counters with no send after `edge` (nothing left for any window to count). */
  purgeIdleBefore(edge: Date, limit: number): Promise<number> {
    const where = 'NOT EXISTS (SELECT 1 FROM unnest(sends) t WHERE t > $2)';
    return purgeBatch(this.db.query.bind(this.db), 'sms_send_counters', where, limit, [edge]);
  }

  /**
   * GDPR erasure: the user's own counters. Those are the account's, its
   * shares of numbers' enrolment buckets, and the counters of each number
   * no other user has a factor or a code on. A number's counters that other
   * users share (its owner's bucket, strangers' shares) stay: erasing them
   * would reset another user's limits. They hold only times and age out in 24 h.
   */
  async eraseFor(userId: string, numbers: string[], query: Queryable): Promise<void> {
    await query(
      `WITH alone AS (
         SELECT n FROM unnest($2::text[]) n
          WHERE NOT EXISTS (SELECT 1 FROM mfa_sms_factors WHERE phone_e164 = n AND user_id <> $1)
            AND NOT EXISTS (SELECT 1 FROM mfa_challenges WHERE phone_e164 = n AND user_id <> $1)
       )
       DELETE FROM sms_send_counters c
        WHERE c.subject = 'user:' || $1
           OR (c.subject LIKE 'enroll:%' AND right(c.subject, length($1) + 6) = ':user:' || $1)
           OR EXISTS (SELECT 1 FROM alone WHERE c.subject IN ('phone:' || n, 'enroll:' || n) OR starts_with(c.subject, 'enroll:' || n || ':'))`,
      [userId, numbers],
    );
  }
}
