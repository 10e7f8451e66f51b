import { AssuranceRow } from '../../assurance/assurance.repository';
import type { AssuranceRaise, StepUpCheck } from '../../assurance/assurance.service';
import { MfaDb, Queryable } from '../../database/mfa-db';
import type { GuessOutcome } from '../../rate-limit/failure-runs.repository';
export type RecoveryUse = {
    outcome: 'used';
    remaining: number;
    assurance?: AssuranceRow;
} | {
    outcome: 'already_used' | 'none' | 'wrong';
} | {
    outcome: 'guess_refused';
    guess: GuessOutcome;
};
export interface RecoveryCodeSet {
    id: string;
    remaining: number;
    createdAt: Date;
}
export declare class RecoveryCodesRepository {
    private readonly db;
    constructor(db: MfaDb);
    replaceSet(userId: string, setId: string, hashes: Buffer[], stepUp: StepUpCheck, now: Date): Promise<boolean>;
    useInTurn(userId: string, hash: Buffer, raise: AssuranceRaise, takeGuess: (query: Queryable) => Promise<GuessOutcome>): Promise<RecoveryUse>;
    use(userId: string, hash: Buffer, raise: AssuranceRaise, query?: Queryable): Promise<{
        remaining: number;
        assurance?: AssuranceRow;
    } | undefined>;
    list(userId: string): Promise<RecoveryCodeSet[]>;
    exportFor(userId: string): Promise<RecoveryCodeSetExportRow[]>;
    eraseFor(userId: string, query: Queryable): Promise<number>;
}
export interface RecoveryCodeSetExportRow {
    id: string;
    remaining: number;
    createdAt: Date;
}
