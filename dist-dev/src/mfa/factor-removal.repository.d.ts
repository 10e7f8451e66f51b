import type { StepUpCheck } from '../assurance/assurance.service';
import { MfaDb } from '../database/mfa-db';
export type RemovalOutcome = 'removed' | 'not_found' | 'step_up_required' | 'last_factor';
export declare class FactorRemovalRepository {
    private readonly db;
    constructor(db: MfaDb);
    remove(userId: string, factorId: string, stepUp: StepUpCheck, now: Date, allowLast: boolean): Promise<RemovalOutcome>;
}
