import { AssuranceService, AssuranceView } from '../../assurance/assurance.service';
import { Clock } from '../../common/clock';
import { type MfaFactorsConfig } from '../mfa.config';
import { FailureRunsRepository } from '../../rate-limit/failure-runs.repository';
import { MfaEvents } from '../../common/mfa-events';
import type { MfaUser, RequestContext } from '../mfa.types';
import { RecoveryCodesRepository } from './recovery-codes.repository';
export interface RecoveryVerification extends AssuranceView {
    remaining: number;
}
export declare class RecoveryCodesService {
    private readonly codes;
    private readonly failureRuns;
    private readonly assurance;
    private readonly events;
    private readonly config;
    private readonly clock;
    private readonly hasher;
    constructor(codes: RecoveryCodesRepository, failureRuns: FailureRunsRepository, assurance: AssuranceService, events: MfaEvents, config: MfaFactorsConfig, clock: Clock);
    regenerate(user: MfaUser): Promise<{
        codes: string[];
    }>;
    verify(user: MfaUser, input: string, context?: RequestContext): Promise<RecoveryVerification>;
    private use;
    list(userId: string): Promise<import("./recovery-codes.repository").RecoveryCodeSet[]>;
    private hash;
}
