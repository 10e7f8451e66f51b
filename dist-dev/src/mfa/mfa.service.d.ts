import type { Channel } from '../sms/providers/sms-provider';
import { AssuranceService, AssuranceView } from '../assurance/assurance.service';
import { DataRightsService, ErasureReport, UserDataExport } from '../privacy/data-rights.service';
import { FactorsService } from './factors.service';
import { FactorView, MfaUser, RequestContext, SmsChallengeResult, SmsEnrollmentResult } from './mfa.types';
import { RecoveryCodesService, RecoveryVerification } from './recovery/recovery-codes.service';
import { SmsFactorService } from './sms/sms-factor.service';
import { TotpEnrollment, TotpService } from './totp/totp.service';
export declare class MfaService {
    private readonly sms;
    private readonly totp;
    private readonly recoveryCodes;
    private readonly factors;
    private readonly assurance;
    private readonly dataRights;
    constructor(sms: SmsFactorService, totp: TotpService, recoveryCodes: RecoveryCodesService, factors: FactorsService, assurance: AssuranceService, dataRights: DataRightsService);
    enrollSms(user: MfaUser, phoneNumber: string, context?: RequestContext, channel?: Channel): Promise<SmsEnrollmentResult>;
    verifySmsEnrollment(user: MfaUser, code: string, context?: RequestContext): Promise<{
        factorId: string;
        verified: true;
    } & AssuranceView>;
    initiateSmsVerification(user: MfaUser, phoneNumber?: string, context?: RequestContext, channel?: Channel): Promise<SmsChallengeResult>;
    verifySmsCode(user: MfaUser, code: string, context?: RequestContext): Promise<boolean>;
    verifySmsCodeOrThrow(user: MfaUser, code: string, context?: RequestContext): Promise<AssuranceView>;
    enrollTotp(user: MfaUser): Promise<TotpEnrollment>;
    activateTotp(user: MfaUser, code: string): Promise<{
        factorId: string;
        verified: true;
    } & AssuranceView>;
    verifyTotp(user: MfaUser, code: string, context?: RequestContext): Promise<AssuranceView>;
    generateRecoveryCodes(user: MfaUser): Promise<{
        codes: string[];
    }>;
    verifyRecoveryCode(user: MfaUser, code: string, context?: RequestContext): Promise<RecoveryVerification>;
    getAssurance(user: MfaUser): Promise<AssuranceView>;
    endSession(user: MfaUser): Promise<void>;
    listFactors(userId: string): Promise<FactorView[]>;
    deleteFactor(user: MfaUser, factorId: string): Promise<void>;
    exportUserData(userId: string): Promise<UserDataExport>;
    eraseUserData(userId: string): Promise<ErasureReport>;
}
