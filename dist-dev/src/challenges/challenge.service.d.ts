import type { AssuranceRow } from '../assurance/assurance.repository';
import type { AssuranceRaise } from '../assurance/assurance.service';
import { Clock } from '../common/clock';
import { type ChallengesConfig } from './challenges.config';
import { MfaMetrics } from '../metrics/mfa-metrics';
import { FailureRunsRepository } from '../rate-limit/failure-runs.repository';
import { SendCountersRepository } from '../rate-limit/send-counters.repository';
import type { Channel } from '../sms/providers/sms-provider';
import { AcceptedDelivery, ChallengePurpose, ChallengeRow, ChallengesRepository } from './challenges.repository';
export interface IssueRequest {
    userId: string;
    factorId?: string;
    phoneE164: string;
    prefix: string;
    purpose: ChallengePurpose;
    clientIp?: string;
    country?: string;
    firstProvider: string;
    channel: Channel;
    locale?: string;
    fixedLine?: boolean;
    reason?: string;
}
export interface IssuedChallenge {
    id: string;
    factorId: string;
    purpose: ChallengePurpose;
    code: string;
    expiresAt: Date;
    createdAt: Date;
    resendAvailableAt: Date;
    firstAttemptId: string;
    countedOn: string[];
}
export declare class ChallengeService {
    private readonly challenges;
    private readonly counters;
    private readonly failureRuns;
    private readonly metrics;
    private readonly config;
    private readonly clock;
    private readonly hasher;
    constructor(challenges: ChallengesRepository, counters: SendCountersRepository, failureRuns: FailureRunsRepository, metrics: MfaMetrics, config: ChallengesConfig, clock: Clock);
    issue(req: IssueRequest): Promise<IssuedChallenge>;
    issueFixed(req: Omit<IssueRequest, 'firstProvider'>, code: string): Promise<IssuedChallenge>;
    private newChallenge;
    private issued;
    verify(userId: string, purpose: ChallengePurpose, code: string, raise?: AssuranceRaise): Promise<{
        challenge: ChallengeRow;
        assurance?: AssuranceRow;
        delivery?: AcceptedDelivery;
    }>;
    withdraw(issued: IssuedChallenge, refund: boolean): Promise<void>;
    private whyNoAttempt;
    private assertNotLockedOut;
    private concurrent;
    private refusal;
}
