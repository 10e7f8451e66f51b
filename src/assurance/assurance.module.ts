import { Module } from '@nestjs/common';
import { configSlice } from '../config/settings';
import { ASSURANCE_CONFIG, ASSURANCE_CONFIG_KEYS } from './assurance.config';

import { AuthModule } from '../auth/auth.module';
import { MfaDbModule } from '../database/mfa-db.module';
import { RateLimitModule } from '../rate-limit/rate-limit.module';
import { AssuranceController } from './assurance.controller';
import { AssuranceRepository } from './assurance.repository';
import { AssuranceService } from './assurance.service';
import { AdminMfaGuard, RequireMfaGuard, RequireMfaInterceptor } from './require-mfa.guard';

/** Per-session aal state, the step-up rule and the @RequireMfa guard. */
@Module({
  imports: [MfaDbModule, AuthModule],
  providers: [
    configSlice(ASSURANCE_CONFIG, ASSURANCE_CONFIG_KEYS),
    AssuranceRepository,
    AssuranceService,
    RequireMfaGuard,
    RequireMfaInterceptor,
    AdminMfaGuard,
  ],
  exports: [ASSURANCE_CONFIG, AssuranceService, AssuranceRepository, RequireMfaGuard, RequireMfaInterceptor, AdminMfaGuard, AuthModule],
})
export class AssuranceModule {}

/** GET / DELETE /mfa/assurance. */
@Module({ imports: [AssuranceModule, AuthModule, RateLimitModule], controllers: [AssuranceController] })
export class AssuranceRoutesModule {}
