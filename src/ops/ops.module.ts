import { Module } from '@nestjs/common';
import { ScheduleModule } from '@nestjs/schedule';
import { SmsModule } from '../sms/sms.module';
import { AlertsService } from './alerts.service';
import { CleanupService } from './cleanup.service';

/** Scheduled operations: data-retention cleanup and alert evaluation. */
@Module({
  imports: [ScheduleModule.forRoot(), SmsModule],
  providers: [CleanupService, AlertsService],
  exports: [CleanupService, AlertsService],
})
export class OpsModule {}
