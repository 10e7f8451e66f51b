import { DynamicModule, Module } from '@nestjs/common';
import { ScheduleModule } from '@nestjs/schedule';
import { TerminusModule } from '@nestjs/terminus';
import { AssuranceModule } from '../assurance/assurance.module';
import { ChallengesModule } from '../challenges/challenges.module';
import { MfaDbModule } from '../database/mfa-db.module';
import { FraudModule } from '../fraud/fraud.module';
import { MetricsModule } from '../metrics/metrics.module';
import { RateLimitModule } from '../rate-limit/rate-limit.module';
import { SmsModule } from '../sms/sms.module';
import { AlertsRepository } from './alerts.repository';
import { AlertsService } from './alerts.service';
import { CleanupService } from './cleanup.service';
import { HealthController } from './health.controller';
import { JobScheduler, MFA_JOBS } from './job-scheduler';
import { MetricsController } from './metrics.controller';
import { OpsAccessGuard } from './ops-access.guard';
import { SendReaper } from './send-reaper.service';
import { configSlice } from '../config/settings';
import { OPS_CONFIG, OPS_CONFIG_KEYS } from './ops.config';
import { ShutdownDrain } from './shutdown-drain.service';

/** Operations: cleanup, alerts and the send reaper, on @nestjs/schedule only when `jobs` is on. */
@Module({})
export class OpsModule {
  static register(jobs: boolean): DynamicModule {
    return {
      module: OpsModule,
      imports: [
        MfaDbModule,
        MetricsModule,
        SmsModule,
        ChallengesModule,
        FraudModule,
        RateLimitModule,
        AssuranceModule,
        ...(jobs ? [ScheduleModule.forRoot()] : []),
      ],
      providers: [
        configSlice(OPS_CONFIG, OPS_CONFIG_KEYS),
        { provide: MFA_JOBS, useValue: jobs },
        JobScheduler,
        AlertsRepository,
        CleanupService,
        AlertsService,
        SendReaper,
      ],
      exports: [CleanupService, AlertsService, SendReaper],
    };
  }
}

/** /health, /metrics and the bounded drain of the HTTP server on shutdown. */
@Module({
  imports: [TerminusModule, MetricsModule, SmsModule, RateLimitModule],
  providers: [configSlice(OPS_CONFIG, OPS_CONFIG_KEYS), ShutdownDrain, OpsAccessGuard],
  controllers: [HealthController, MetricsController],
  exports: [ShutdownDrain],
})
export class OpsRoutesModule {}
