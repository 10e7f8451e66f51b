import { Module } from '@nestjs/common';
import { configSlice } from '../config/settings';
import { CHALLENGES_CONFIG, CHALLENGES_CONFIG_KEYS } from './challenges.config';

import { MfaDbModule } from '../database/mfa-db.module';
import { MetricsModule } from '../metrics/metrics.module';
import { RateLimitModule } from '../rate-limit/rate-limit.module';
import { ChallengeService } from './challenge.service';
import { ChallengesRepository } from './challenges.repository';

/** Challenges: issue under the limits, verify, consume atomically. */
@Module({
  imports: [MfaDbModule, MetricsModule, RateLimitModule],
  providers: [configSlice(CHALLENGES_CONFIG, CHALLENGES_CONFIG_KEYS), ChallengesRepository, ChallengeService],
  exports: [ChallengeService, ChallengesRepository],
})
export class ChallengesModule {}
