import { MfaDb, Queryable } from '../database/mfa-db';
export declare class SendCountersRepository {
    private readonly db;
    constructor(db: MfaDb);
    refund(subjects: string[], at: Date): Promise<void>;
    purgeIdleBefore(edge: Date, limit: number): Promise<number>;
    eraseFor(userId: string, numbers: string[], query: Queryable): Promise<void>;
}
