import { Module } from '@nestjs/common';
import { ChallengeService } from './challenge.service';
import { ChallengesRepository } from './challenges.repository';
import { SendCountersRepository } from '../rate-limit/send-counters.repository';

@Module({
  providers: [ChallengesRepository, ChallengeService, SendCountersRepository],
  exports: [ChallengeService],
})
export class ChallengesModule {}
