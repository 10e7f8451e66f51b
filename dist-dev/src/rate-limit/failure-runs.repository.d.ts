import { MfaDb, Queryable } from '../database/mfa-db';
export declare function countFailureSql(table: string, p: {
    user: string;
    now: string;
    threshold: string;
}, from?: string): string;
export type FailureRunKind = 'sms' | 'totp';
export interface GuessOutcome {
    taken: boolean;
    failures: number;
    lockedUntil?: Date;
}
export declare class FailureRunsRepository {
    private readonly db;
    constructor(db: MfaDb);
    countFailure(kind: FailureRunKind, userId: string, now: Date, threshold: number): Promise<{
        failures: number;
        lockedUntil?: Date;
    }>;
    takeGuess(kind: FailureRunKind, userId: string, now: Date, threshold: number, hardLimit: number, query?: Queryable): Promise<GuessOutcome>;
    reset(userId: string, kinds?: FailureRunKind[]): Promise<void>;
    exportFor(userId: string): Promise<FailureRunExportRow[]>;
    eraseFor(userId: string, query: Queryable): Promise<void>;
}
export interface FailureRunExportRow {
    factor: FailureRunKind;
    consecutive: number;
    lockedUntil: Date | null;
}
