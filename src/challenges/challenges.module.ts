import { Module } from '@nestjs/common';
import { configSlice } from '../config/settings';
import { CHALLENGES_CONFIG, CHALLENGES_CONFIG_KEYS } from './challenges.config';

import { MfaDbModule } from '../database/mfa-db.module';
import { MetricsModule } from '../metrics/metrics.module';
import { RateLimitModule } from '../rate-limit/rate-limit.module';
import { ChallengeVerifier } from './challenge-verifier.service';
import { ChallengesRepository } from './challenges.repository';

/** Challenges: their table, and verification (take an attempt, then consume, atomically). sms/ issues them. */
@Module({
  imports: [MfaDbModule, MetricsModule, RateLimitModule],
  providers: [configSlice(CHALLENGES_CONFIG, CHALLENGES_CONFIG_KEYS), ChallengesRepository, ChallengeVerifier],
  exports: [CHALLENGES_CONFIG, ChallengeVerifier, ChallengesRepository, RateLimitModule],
})
export class ChallengesModule {}
