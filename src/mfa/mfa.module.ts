import { Module } from '@nestjs/common';
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
  imports: [SmsModule, ChallengesModule, FraudModule, PhoneModule],
  providers: [
    MfaService,
    SmsFactorsRepository,
    SmsCodeDispatch,
    MfaEvents,
    TotpService,
    TotpFactorsRepository,
    DataRightsService,
  ],
  exports: [MfaService, SmsModule, ChallengesModule, FraudModule, PhoneModule],
})
export class MfaModule {}
