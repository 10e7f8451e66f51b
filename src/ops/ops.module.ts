import { Module } from '@nestjs/common';
import { ScheduleModule } from '@nestjs/schedule';
import { SmsModule } from '../sms/sms.module';
import { AlertsService } from './alerts.service';
import { CleanupService } from './cleanup.service';
import { SendReaper } from './send-reaper.service';
import { OpsAccessGuard } from './ops-access.guard';
import { ShutdownDrain } from './shutdown-drain.service';

/** Scheduled operations: data-retention cleanup and alert evaluation. */
@Module({
  imports: [ScheduleModule.forRoot(), SmsModule],
  providers: [CleanupService, AlertsService, SendReaper, ShutdownDrain, OpsAccessGuard],
  exports: [CleanupService, AlertsService, SendReaper, ShutdownDrain, OpsAccessGuard],
})
export class OpsModule {}
