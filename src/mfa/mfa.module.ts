import { Module } from '@nestjs/common';
import { ChallengesModule } from '../challenges/challenges.module';
import { SmsModule } from '../sms/sms.module';
import { MfaService } from './mfa.service';
import { SmsFactorsRepository } from './sms-factors.repository';

@Module({
  imports: [SmsModule, ChallengesModule],
  providers: [MfaService, SmsFactorsRepository],
  exports: [MfaService, SmsModule],
})
export class MfaModule {}
