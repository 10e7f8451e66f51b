import { Module } from '@nestjs/common';
import { ChallengesModule } from '../challenges/challenges.module';
import { SmsModule } from '../sms/sms.module';
import { FraudModule } from '../fraud/fraud.module';
import { PhoneModule } from '../phone/phone.module';
import { MfaService } from './mfa.service';
import { SmsCodeDispatch } from './sms-code-dispatch.service';
import { SmsFactorsRepository } from './sms-factors.repository';

@Module({
  imports: [SmsModule, ChallengesModule, FraudModule, PhoneModule],
  providers: [MfaService, SmsFactorsRepository, SmsCodeDispatch],
  exports: [MfaService, SmsModule, ChallengesModule, FraudModule, PhoneModule],
})
export class MfaModule {}
