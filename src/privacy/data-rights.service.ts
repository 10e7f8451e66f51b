import { Injectable } from '@nestjs/common';
import { MfaDb } from '../database/mfa-db';

export interface UserDataExport {
  userId: string;
  smsFactors: Record<string, unknown>[];
  totpFactors: Record<string, unknown>[];
  challenges: Record<string, unknown>[];
  sendLog: Record<string, unknown>[];
  fraudEvents: Record<string, unknown>[];
  verificationLockouts: Record<string, unknown>[];
  /** Sessions at aal2: how and when each showed a second factor (keyed by a hash of the host's session id). */
  sessions: Record<string, unknown>[];
  /** Recovery-code sets: how many codes remain (never the codes). */
  recoveryCodes: Record<string, unknown>[];
}

export interface ErasureReport {
  smsFactors: number;
  totpFactors: number;
  challenges: number;
  sendLogAnonymised: number;
  fraudEventsAnonymised: number;
  sessions: number;
  recoveryCodes: number;
}

/**
 * GDPR data rights. Export returns everything held about a user (never a
 * code hash or a TOTP secret: they are credentials, not data about the
 * person). Erasure removes it, keeping only what a legal or financial record
 * needs, anonymised: send-log rows lose the user (cost accounting stays),
 * fraud events lose user, IP and all but the calling code of the number.
 * Opt-outs stay: they are keyed by number and are the consent record.
 */
@Injectable()
export class DataRightsService {
  constructor(private readonly db: MfaDb) {}

  async export(userId: string): Promise<UserDataExport> {
    const q = (sql: string) => this.db.query(sql, [userId]);
    const [smsFactors, totpFactors, challenges, sendLog, fraudEvents, smsLock, totpLock, sessions, recoveryCodes] = await Promise.all([
      q(`SELECT id, phone_e164 AS "phoneNumber", country, verified_at AS "verifiedAt", created_at AS "createdAt",
                last_used_at AS "lastUsedAt" FROM mfa_sms_factors WHERE user_id = $1 ORDER BY created_at`),
      q(`SELECT id, verified_at AS "verifiedAt", created_at AS "createdAt", last_used_at AS "lastUsedAt"
           FROM mfa_totp_factors WHERE user_id = $1 ORDER BY created_at`),
      q(`SELECT id, purpose, phone_e164 AS "phoneNumber", country, client_ip AS "clientIp", attempts,
                created_at AS "createdAt", expires_at AS "expiresAt", consumed_at AS "consumedAt",
                invalidated_at AS "invalidatedAt" FROM mfa_challenges WHERE user_id = $1 ORDER BY created_at`),
      q(`SELECT id, challenge_id AS "challengeId", provider, attempt, status, error_code AS "errorCode",
                segments, price, currency, country, created_at AS "createdAt", delivered_at AS "deliveredAt"
           FROM sms_send_log WHERE user_id = $1 ORDER BY id`),
      q(`SELECT id, rule, action, masked_phone AS "maskedPhone", country, client_ip AS "clientIp", detail,
                created_at AS "createdAt" FROM sms_fraud_events WHERE user_id = $1 ORDER BY id`),
      q(`SELECT 'sms' AS factor, consecutive, locked_until AS "lockedUntil" FROM mfa_verify_failures WHERE user_id = $1`),
      q(`SELECT 'totp' AS factor, consecutive, locked_until AS "lockedUntil" FROM mfa_totp_failures WHERE user_id = $1`),
      q(`SELECT methods, verified_at AS "verifiedAt", expires_at AS "expiresAt" FROM mfa_assurance WHERE user_id = $1
          ORDER BY verified_at`),
      q(`SELECT set_id AS id, count(*) FILTER (WHERE used_at IS NULL)::int AS remaining, min(created_at) AS "createdAt"
           FROM mfa_recovery_codes WHERE user_id = $1 GROUP BY set_id`),
    ]);
    return {
      userId,
      smsFactors,
      totpFactors,
      challenges,
      sendLog,
      fraudEvents,
      verificationLockouts: [...smsLock, ...totpLock],
      sessions,
      recoveryCodes,
    };
  }

  /** One transaction: all or nothing. */
  async erase(userId: string): Promise<ErasureReport> {
    return this.db.transaction(async (query) => {
      const count = async (sql: string) => (await query(sql, [userId])).length;
      const phones = (await query(`SELECT DISTINCT phone_e164 FROM mfa_challenges WHERE user_id = $1
                                   UNION SELECT phone_e164 FROM mfa_sms_factors WHERE user_id = $1`, [userId])).map(
        (r) => [`phone:${r.phone_e164}`, `enroll:${r.phone_e164}`],
      ).flat();
      const report: ErasureReport = {
        sendLogAnonymised: await count(`UPDATE sms_send_log SET user_id = NULL WHERE user_id = $1 RETURNING 1`),
        fraudEventsAnonymised: await count(
          `UPDATE sms_fraud_events SET user_id = NULL, client_ip = NULL,
                  masked_phone = split_part(masked_phone, ' ', 1) || ' ••• ••• ••', prefix = split_part(masked_phone, ' ', 1)
            WHERE user_id = $1 RETURNING 1`,
        ),
        challenges: await count(`DELETE FROM mfa_challenges WHERE user_id = $1 RETURNING 1`),
        smsFactors: await count(`DELETE FROM mfa_sms_factors WHERE user_id = $1 RETURNING 1`),
        totpFactors: await count(`DELETE FROM mfa_totp_factors WHERE user_id = $1 RETURNING 1`),
        sessions: await count(`DELETE FROM mfa_assurance WHERE user_id = $1 RETURNING 1`),
        recoveryCodes: await count(`DELETE FROM mfa_recovery_codes WHERE user_id = $1 RETURNING 1`),
      };
      await query(`DELETE FROM mfa_verify_failures WHERE user_id = $1`, [userId]);
      await query(`DELETE FROM mfa_totp_failures WHERE user_id = $1`, [userId]);
      await query(`DELETE FROM sms_send_counters WHERE subject = ANY ($1)`, [[`user:${userId}`, ...phones]]);
      return report;
    });
  }
}
