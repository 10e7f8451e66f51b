import { Module } from '@nestjs/common';
import { configSlice } from '../config/settings';
import { MFA_FACTORS_CONFIG, MFA_FACTORS_CONFIG_KEYS } from './mfa.config';

import { AssuranceModule } from '../assurance/assurance.module';
import { AuthModule } from '../auth/auth.module';
import { ChallengesModule } from '../challenges/challenges.module';
import { MfaDbModule } from '../database/mfa-db.module';
import { FraudModule } from '../fraud/fraud.module';
import { MetricsModule } from '../metrics/metrics.module';
import { PhoneModule } from '../phone/phone.module';
import { PrivacyModule } from '../privacy/privacy.module';
import { RateLimitModule } from '../rate-limit/rate-limit.module';
import { SmsModule } from '../sms/sms.module';
import { FactorsModule } from '../factors/factors.module';
import { MfaFactorsController } from './mfa-factors.controller';
import { MfaEventsModule } from '../common/mfa-events';
import { MfaSmsController } from './sms/sms.controller';
import { MfaTotpController } from './mfa-totp.controller';
import { MfaService } from './mfa.service';
import { RecoveryCodesController } from './recovery/recovery-codes.controller';
import { RecoveryCodesService } from './recovery/recovery-codes.service';
import { FactorsService } from './factors.service';
import { SmsFactorService } from './sms/sms-factor.service';
import { TotpService } from './totp/totp.service';

/** The second factors — SMS, TOTP, recovery codes — and MfaService, the host's API over them. */
@Module({
  imports: [
    MfaDbModule,
    MetricsModule,
    MfaEventsModule,
    FactorsModule,
    SmsModule,
    ChallengesModule,
    FraudModule,
    PhoneModule,
    AssuranceModule,
    RateLimitModule,
    PrivacyModule,
  ],
  providers: [
    configSlice(MFA_FACTORS_CONFIG, MFA_FACTORS_CONFIG_KEYS),
    MfaService,
    SmsFactorService,
    FactorsService,
    TotpService,
    RecoveryCodesService,
  ],
  exports: [MfaService],
})
export class MfaModule {}

/** The /mfa REST routes: SMS, TOTP, factors, recovery codes. */
@Module({
  imports: [MfaModule, AuthModule, RateLimitModule],
  controllers: [MfaSmsController, MfaTotpController, MfaFactorsController, RecoveryCodesController],
})
export class MfaRoutesModule {}
