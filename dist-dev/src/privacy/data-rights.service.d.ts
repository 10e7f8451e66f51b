import { AssuranceRepository, type SessionExportRow } from '../assurance/assurance.repository';
import { ChallengesRepository, type ChallengeExportRow } from '../challenges/challenges.repository';
import { MfaDb } from '../database/mfa-db';
import { FraudEventsRepository, type FraudEventExportRow } from '../fraud/fraud-events.repository';
import { RecoveryCodesRepository, type RecoveryCodeSetExportRow } from '../mfa/recovery/recovery-codes.repository';
import { SmsFactorsRepository, type SmsFactorExportRow } from '../mfa/sms/sms-factors.repository';
import { TotpFactorsRepository, type TotpFactorExportRow } from '../mfa/totp/totp-factors.repository';
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
    sessions: SessionExportRow[];
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
export declare class DataRightsService {
    private readonly db;
    private readonly smsFactors;
    private readonly totpFactors;
    private readonly recoveryCodes;
    private readonly challenges;
    private readonly sendLog;
    private readonly fraudEvents;
    private readonly failureRuns;
    private readonly counters;
    private readonly assurance;
    constructor(db: MfaDb, smsFactors: SmsFactorsRepository, totpFactors: TotpFactorsRepository, recoveryCodes: RecoveryCodesRepository, challenges: ChallengesRepository, sendLog: SendLogRepository, fraudEvents: FraudEventsRepository, failureRuns: FailureRunsRepository, counters: SendCountersRepository, assurance: AssuranceRepository);
    export(userId: string): Promise<UserDataExport>;
    erase(userId: string): Promise<ErasureReport>;
}
