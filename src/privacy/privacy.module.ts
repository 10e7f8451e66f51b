import { Module } from '@nestjs/common';
import { AssuranceModule } from '../assurance/assurance.module';
import { AuthModule } from '../auth/auth.module';
import { ChallengesModule } from '../challenges/challenges.module';
import { MfaDbModule } from '../database/mfa-db.module';
import { FraudModule } from '../fraud/fraud.module';
import { FactorsModule } from '../factors/factors.module';
import { SmsModule } from '../sms/sms.module';
import { RateLimitModule } from '../rate-limit/rate-limit.module';
import { DataRightsController } from './data-rights.controller';
import { DataRightsService } from './data-rights.service';

/** GDPR data rights: export and erasure of everything held about a user. */
@Module({
  imports: [MfaDbModule, FactorsModule, ChallengesModule, SmsModule, FraudModule, RateLimitModule, AssuranceModule],
  providers: [DataRightsService],
  exports: [DataRightsService],
})
export class PrivacyModule {}

/** GET / DELETE /admin/users/:userId/data (admin role, session at aal2). */
@Module({ imports: [PrivacyModule, AuthModule, AssuranceModule, RateLimitModule], controllers: [DataRightsController] })
export class PrivacyRoutesModule {}
