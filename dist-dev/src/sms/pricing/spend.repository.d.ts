import { MfaDb } from '../../database/mfa-db';
export declare class SpendRepository {
    private readonly db;
    constructor(db: MfaDb);
    take(day: string, scopes: string[], caps: number[], amount: number): Promise<string | undefined>;
    add(day: string, scopes: string[], delta: number): Promise<void>;
    read(day: string): Promise<{
        scope: string;
        spentUsd: number;
    }[]>;
}
