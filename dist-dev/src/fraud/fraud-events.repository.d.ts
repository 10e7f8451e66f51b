import { MfaDb, Queryable } from '../database/mfa-db';
export interface FraudEvent {
    id: string;
    rule: string;
    action: 'blocked' | 'monitored';
    maskedPhone: string;
    prefix: string;
    country: string | null;
    userId: string | null;
    clientIp: string | null;
    detail: string | null;
    createdAt: Date;
}
export type NewFraudEvent = Omit<FraudEvent, 'id'>;
export interface FraudEventFilter {
    rule?: string;
    country?: string;
    from?: Date;
    to?: Date;
    before?: string;
    limit: number;
}
export declare class FraudEventsRepository {
    private readonly db;
    constructor(db: MfaDb);
    record(events: NewFraudEvent[]): Promise<void>;
    list(f: FraudEventFilter): Promise<FraudEvent[]>;
    purgeBefore(edge: Date, limit: number): Promise<number>;
    exportFor(userId: string): Promise<FraudEventExportRow[]>;
    eraseFor(userId: string, query: Queryable): Promise<number>;
    countSince(since: Date): Promise<number>;
}
export interface FraudEventExportRow {
    id: string;
    rule: string;
    action: 'blocked' | 'monitored';
    maskedPhone: string;
    country: string | null;
    clientIp: string | null;
    detail: string | null;
    createdAt: Date;
}
