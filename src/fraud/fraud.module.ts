import { Module } from '@nestjs/common';
import { configSlice } from '../config/settings';
import { FRAUD_CONFIG, FRAUD_CONFIG_KEYS } from './fraud.config';

import { MfaDbModule } from '../database/mfa-db.module';
import { MetricsModule } from '../metrics/metrics.module';
import { FraudEventsRepository } from './fraud-events.repository';
import { FraudScreen } from './fraud-screen.service';
import { FraudStatsRepository } from './fraud-stats.repository';

/** Named fraud rules, their statistics and events. */
@Module({
  imports: [MfaDbModule, MetricsModule],
  providers: [configSlice(FRAUD_CONFIG, FRAUD_CONFIG_KEYS), FraudScreen, FraudStatsRepository, FraudEventsRepository],
  exports: [FraudScreen, FraudEventsRepository],
})
export class FraudModule {}
