import { MfaDb } from '../database/mfa-db';
import type { FraudStats } from './fraud-rule';
export interface StatsQuery {
    userId: string;
    clientIp?: string;
    e164: string;
    prefix: string;
    country?: string;
    now: Date;
    settleMinutes: number;
    testNumbers: string[];
}
export declare class FraudStatsRepository {
    private readonly db;
    constructor(db: MfaDb);
    read(q: StatsQuery): Promise<FraudStats>;
}
