import { Module } from '@nestjs/common';
import { AssuranceModule } from '../assurance/assurance.module';
import { AuthModule } from '../auth/auth.module';
import { FraudModule } from '../fraud/fraud.module';
import { PhoneModule } from '../phone/phone.module';
import { RateLimitModule } from '../rate-limit/rate-limit.module';
import { AdminSmsController } from './admin-sms.controller';
import { AdminService } from './admin.service';

/** The operator's routes (admin role, session at aal2): country rules, fraud events, lockout resets. */
@Module({
  imports: [PhoneModule, FraudModule, RateLimitModule, AuthModule, AssuranceModule],
  providers: [AdminService],
  controllers: [AdminSmsController],
})
export class AdminModule {}
