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

  /** GDPR erasure: the user's counter and their numbers' counters. */
  async eraseFor(userId: string, numbers: string[], query: Queryable): Promise<void> {
    const subjects = [`user:${userId}`, ...numbers.flatMap((n) => [`phone:${n}`, `enroll:${n}`])];
    await query(`DELETE FROM sms_send_counters WHERE subject = ANY ($1)`, [subjects]);
  }
}
