import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { FraudModule } from '../fraud/fraud.module';
import { PhoneModule } from '../phone/phone.module';
import { RateLimitModule } from '../rate-limit/rate-limit.module';
import { AdminSmsController } from './admin-sms.controller';

/** The operator's routes (admin role): country rules, fraud events, lockout resets. */
@Module({ imports: [PhoneModule, FraudModule, RateLimitModule, AuthModule], controllers: [AdminSmsController] })
export class AdminModule {}
