import { Module } from '@nestjs/common';
import { AssuranceRepository } from './assurance.repository';
import { AssuranceService } from './assurance.service';
import { RequireMfaGuard } from './require-mfa.guard';

/** Per-session aal state, the step-up rule and the @RequireMfa guard. */
@Module({
  providers: [AssuranceRepository, AssuranceService, RequireMfaGuard],
  exports: [AssuranceService, AssuranceRepository, RequireMfaGuard],
})
export class AssuranceModule {}
