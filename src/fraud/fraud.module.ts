import { Module } from '@nestjs/common';
import { FraudEventsRepository } from './fraud-events.repository';
import { FraudGuard } from './fraud-guard.service';
import { FraudStatsRepository } from './fraud-stats.repository';

@Module({
  providers: [FraudGuard, FraudStatsRepository, FraudEventsRepository],
  exports: [FraudGuard, FraudEventsRepository],
})
export class FraudModule {}
