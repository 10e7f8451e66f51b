import { AssuranceService } from '../assurance/assurance.service';
import { Clock } from '../common/clock';
import { type MfaFactorsConfig } from './mfa.config';
import { FactorRemovalRepository } from './factor-removal.repository';
import type { FactorView, MfaUser } from './mfa.types';
import { RecoveryCodesRepository } from './recovery/recovery-codes.repository';
import { SmsFactorsRepository } from './sms/sms-factors.repository';
import { TotpFactorsRepository } from './totp/totp-factors.repository';
export declare class FactorsService {
    private readonly config;
    private readonly clock;
    private readonly sms;
    private readonly totp;
    private readonly recoveryCodes;
    private readonly removal;
    private readonly assurance;
    constructor(config: MfaFactorsConfig, clock: Clock, sms: SmsFactorsRepository, totp: TotpFactorsRepository, recoveryCodes: RecoveryCodesRepository, removal: FactorRemovalRepository, assurance: AssuranceService);
    list(userId: string): Promise<FactorView[]>;
    delete(user: MfaUser, factorId: string): Promise<void>;
}
