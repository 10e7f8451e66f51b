import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Delivery channels (sms, voice, whatsapp) and the voice fallback.
 *
 * - Each challenge records its channel and the locale its message was
 *   rendered in (a fallback call speaks the same language), and when a
 *   fallback was taken for it: the claim that makes a fallback happen once,
 *   however many reports or instances see the failure.
 * - Each send attempt records its channel and, for a send the user did not
 *   ask for (a fallback), the reason.
 * - A factor enrolled by voice may be a fixed line: it cannot take SMS or WhatsApp.
 */
export class DeliveryChannels1733414400000 implements MigrationInterface {
  name = 'DeliveryChannels1733414400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE mfa_challenges
        ADD COLUMN channel text NOT NULL DEFAULT 'sms',
        ADD COLUMN locale text,
        ADD COLUMN fallback_at timestamptz`);
    await q.query(`ALTER TABLE sms_send_log ADD COLUMN channel text NOT NULL DEFAULT 'sms', ADD COLUMN reason text`);
    await q.query(`ALTER TABLE mfa_sms_factors ADD COLUMN fixed_line boolean NOT NULL DEFAULT false`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE mfa_sms_factors DROP COLUMN fixed_line`);
    await q.query(`ALTER TABLE sms_send_log DROP COLUMN channel, DROP COLUMN reason`);
    await q.query(`ALTER TABLE mfa_challenges DROP COLUMN channel, DROP COLUMN locale, DROP COLUMN fallback_at`);
  }
}
