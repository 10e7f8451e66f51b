import { MfaDb, Queryable } from '../database/mfa-db';
export interface AssuranceRow {
    methods: string[];
    verifiedAt: Date;
    expiresAt: Date;
}
export interface AssuranceStateRow {
    methods: string[];
    verified_at: Date;
    expires_at: Date;
}
export type RaisedAssuranceRow = AssuranceStateRow | {
    methods: null;
    verified_at: null;
    expires_at: null;
};
export interface RaiseParams {
    user: string;
    session: string;
    method: string;
    now: string;
    expires: string;
}
export declare function raiseAssuranceSql(p: RaiseParams, from: string): string;
type StepUpParams = {
    user: string;
    session: string;
    since: string;
    now: string;
};
export declare function stepUpSql(p: StepUpParams): string;
export declare class AssuranceRepository {
    private readonly db;
    constructor(db: MfaDb);
    find(userId: string, session: Buffer, now: Date): Promise<AssuranceRow | undefined>;
    end(userId: string, session: Buffer): Promise<void>;
    stepUpState(userId: string, session: Buffer | null, since: Date, now: Date): Promise<{
        allowed: boolean;
        methods: string[];
    }>;
    purgeBefore(now: Date, limit: number): Promise<number>;
    exportFor(userId: string): Promise<SessionExportRow[]>;
    eraseFor(userId: string, query: Queryable): Promise<number>;
}
export interface SessionExportRow {
    methods: string[];
    verifiedAt: Date;
    expiresAt: Date;
}
export declare function toAssurance(r: AssuranceStateRow): AssuranceRow;
export {};
