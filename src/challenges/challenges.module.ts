import { Module } from '@nestjs/common';
import { ChallengeService } from './challenge.service';
import { ChallengesRepository } from './challenges.repository';

@Module({
  providers: [ChallengesRepository, ChallengeService],
  exports: [ChallengeService],
})
export class ChallengesModule {}
