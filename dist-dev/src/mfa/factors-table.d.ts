import { MfaDb, Queryable } from '../database/mfa-db';
export interface Factor {
    id: string;
    userId: string;
    verifiedAt?: Date;
    createdAt: Date;
    lastUsedAt?: Date;
}
export interface FactorRow {
    id: string;
    user_id: string;
    verified_at: Date | null;
    created_at: Date;
    last_used_at: Date | null;
}
export interface FactorExportRow {
    id: string;
    verifiedAt: Date | null;
    createdAt: Date;
    lastUsedAt: Date | null;
}
export declare function toFactor(r: FactorRow): Factor;
export declare abstract class FactorsTable<Row extends FactorRow, F extends Factor> {
    protected readonly db: MfaDb;
    private readonly read;
    private readonly sql;
    protected constructor(db: MfaDb, table: 'mfa_sms_factors' | 'mfa_totp_factors', read: (row: Row) => F);
    list(userId: string): Promise<F[]>;
    eraseFor(userId: string, query: Queryable): Promise<number>;
}
