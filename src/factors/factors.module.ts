import { Module } from '@nestjs/common';
import { MfaDbModule } from '../database/mfa-db.module';
import { FactorRemovalRepository } from './factor-removal.repository';
import { RecoveryCodesRepository } from './recovery-codes.repository';
import { SmsFactorsRepository } from './sms-factors.repository';
import { TotpFactorsRepository } from './totp-factors.repository';

/** The factor tables' owners: SMS numbers, TOTP secrets, recovery codes (and removal across them). */
@Module({
  imports: [MfaDbModule],
  providers: [SmsFactorsRepository, TotpFactorsRepository, RecoveryCodesRepository, FactorRemovalRepository],
  exports: [SmsFactorsRepository, TotpFactorsRepository, RecoveryCodesRepository, FactorRemovalRepository],
})
export class FactorsModule {}
