import { Injectable } from '@nestjs/common';
import { MfaDb } from '../database/mfa-db';

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
}
