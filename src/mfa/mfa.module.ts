import { Module } from '@nestjs/common';
import { AssuranceModule } from '../assurance/assurance.module';
import { FailureRunsRepository } from '../rate-limit/failure-runs.repository';
import { FactorRemovalRepository } from './factor-removal.repository';
import { RecoveryCodesRepository } from './recovery/recovery-codes.repository';
import { RecoveryCodesService } from './recovery/recovery-codes.service';
import { ChallengesModule } from '../challenges/challenges.module';
import { SmsModule } from '../sms/sms.module';
import { FraudModule } from '../fraud/fraud.module';
import { PhoneModule } from '../phone/phone.module';
import { MfaService } from './mfa.service';
import { DataRightsService } from '../privacy/data-rights.service';
import { MfaEvents } from './mfa-events';
import { SmsCodeDispatch } from './sms-code-dispatch.service';
import { TotpFactorsRepository } from './totp/totp-factors.repository';
import { TotpService } from './totp/totp.service';
import { SmsFactorsRepository } from './sms-factors.repository';

@Module({
  imports: [SmsModule, ChallengesModule, FraudModule, PhoneModule, AssuranceModule],
  providers: [
    MfaService,
    SmsFactorsRepository,
    SmsCodeDispatch,
    MfaEvents,
    TotpService,
    TotpFactorsRepository,
    DataRightsService,
    RecoveryCodesService,
    RecoveryCodesRepository,
    FactorRemovalRepository,
    FailureRunsRepository,
  ],
  exports: [MfaService, FailureRunsRepository, SmsModule, ChallengesModule, FraudModule, PhoneModule, AssuranceModule],
})
export class MfaModule {}
