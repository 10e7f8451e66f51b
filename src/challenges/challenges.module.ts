import { Module } from '@nestjs/common';
import { MfaDbModule } from '../database/mfa-db.module';
import { MetricsModule } from '../metrics/metrics.module';
import { RateLimitModule } from '../rate-limit/rate-limit.module';
import { ChallengeService } from './challenge.service';
import { ChallengesRepository } from './challenges.repository';

/** Challenges: issue under the limits, verify, consume atomically. */
@Module({
  imports: [MfaDbModule, MetricsModule, RateLimitModule],
  providers: [ChallengesRepository, ChallengeService],
  exports: [ChallengeService, ChallengesRepository],
})
export class ChallengesModule {}
