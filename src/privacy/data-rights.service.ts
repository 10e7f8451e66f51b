import { lockAllForTransaction, userCodesLock, userFactorsLock } from '../database/advisory-lock';
import { Injectable } from '@nestjs/common';
import { AssuranceRepository, type SessionExportRow } from '../assurance/assurance.repository';
import { ChallengesRepository, type ChallengeExportRow } from '../challenges/challenges.repository';
import { MfaDb } from '../database/mfa-db';
import { FraudEventsRepository, type FraudEventExportRow } from '../fraud/fraud-events.repository';
import { RecoveryCodesRepository, type RecoveryCodeSetExportRow } from '../factors/recovery-codes.repository';
import { SmsFactorsRepository, type SmsFactorExportRow } from '../factors/sms-factors.repository';
import { TotpFactorsRepository, type TotpFactorExportRow } from '../factors/totp-factors.repository';
import { FailureRunsRepository, type FailureRunExportRow } from '../rate-limit/failure-runs.repository';
import { SendCountersRepository } from '../rate-limit/send-counters.repository';
import { SendLogRepository, type SendLogExportRow } from '../sms/send-log.repository';

export interface UserDataExport {
  userId: string;
  smsFactors: SmsFactorExportRow[];
  totpFactors: TotpFactorExportRow[];
  challenges: ChallengeExportRow[];
  sendLog: SendLogExportRow[];
  fraudEvents: FraudEventExportRow[];
  verificationLockouts: FailureRunExportRow[];
  /** Sessions at aal2: how and when each showed a second factor (keyed by a hash of the host's session id). */
  sessions: SessionExportRow[];
  /** Recovery-code sets: how many codes remain (never the codes). */
  recoveryCodes: RecoveryCodeSetExportRow[];
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
  constructor(
    private readonly db: MfaDb,
    private readonly smsFactors: SmsFactorsRepository,
    private readonly totpFactors: TotpFactorsRepository,
    private readonly recoveryCodes: RecoveryCodesRepository,
    private readonly challenges: ChallengesRepository,
    private readonly sendLog: SendLogRepository,
    private readonly fraudEvents: FraudEventsRepository,
    private readonly failureRuns: FailureRunsRepository,
    private readonly counters: SendCountersRepository,
    private readonly assurance: AssuranceRepository,
  ) {}

  /** Each table's owner says what it holds about the user. */
  async export(userId: string): Promise<UserDataExport> {
    const [smsFactors, totpFactors, challenges, sendLog, fraudEvents, verificationLockouts, sessions, recoveryCodes] = await Promise.all([
      this.smsFactors.exportFor(userId),
      this.totpFactors.exportFor(userId),
      this.challenges.exportFor(userId),
      this.sendLog.exportFor(userId),
      this.fraudEvents.exportFor(userId),
      this.failureRuns.exportFor(userId),
      this.assurance.exportFor(userId),
      this.recoveryCodes.exportFor(userId),
    ]);
    return { userId, smsFactors, totpFactors, challenges, sendLog, fraudEvents, verificationLockouts, sessions, recoveryCodes };
  }

  /**
   * One transaction: all or nothing; each table's owner erases (or
   * anonymises) its rows. Under the user's factor and code locks, so that no
   * code is issued to (or spent by) the user while their rows go: an issue
   * waiting on them finds no number afterwards.
   */
  async erase(userId: string): Promise<ErasureReport> {
    return this.db.transaction(async (query) => {
      await lockAllForTransaction(query, [userFactorsLock(userId), userCodesLock(userId)]);
      const numbers = [...new Set([...(await this.challenges.numbersFor(userId, query)), ...(await this.smsFactors.numbersFor(userId, query))])];
      const report: ErasureReport = {
        sendLogAnonymised: await this.sendLog.eraseFor(userId, query),
        fraudEventsAnonymised: await this.fraudEvents.eraseFor(userId, query),
        challenges: await this.challenges.eraseFor(userId, query),
        smsFactors: await this.smsFactors.eraseFor(userId, query),
        totpFactors: await this.totpFactors.eraseFor(userId, query),
        sessions: await this.assurance.eraseFor(userId, query),
        recoveryCodes: await this.recoveryCodes.eraseFor(userId, query),
      };
      await this.failureRuns.eraseFor(userId, query);
      await this.counters.eraseFor(userId, numbers, query);
      return report;
    });
  }
}
