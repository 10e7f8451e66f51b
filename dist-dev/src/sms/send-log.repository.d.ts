import { MfaDb, Queryable } from '../database/mfa-db';
import { Channel, ProviderError, SendResult } from './providers/sms-provider';
export interface AttemptStart {
    challengeId: string;
    userId: string;
    provider: string;
    attempt: number;
    country?: string;
    channel: Channel;
    reason?: string;
}
export declare class SendLogRepository {
    private readonly db;
    constructor(db: MfaDb);
    begin(a: AttemptStart): Promise<string>;
    reassign(id: string, provider: string): Promise<void>;
    accepted(id: string, result: SendResult, latencyMs: number, encoding: string, estimatedUsd: number): Promise<void>;
    private readonly acceptedWrites;
    failed(id: string, error: ProviderError, latencyMs: number, failoverTo?: string): Promise<void>;
    reapStale(olderThanSeconds: number): Promise<number>;
    reportPrice(provider: string, providerMessageId: string, priceUsd: number): Promise<{
        country?: string;
        at: Date;
        deltaUsd: number;
    } | undefined>;
    applyDeliveryStatus(provider: string, providerMessageId: string, status: DeliveryStatus, errorCode: string | undefined): Promise<{
        applied: boolean;
        deliveredAfterSeconds?: number;
        challengeId?: string;
        channel?: Channel;
    }>;
    purgeBefore(edge: Date, limit: number): Promise<number>;
    exportFor(userId: string): Promise<SendLogExportRow[]>;
    eraseFor(userId: string, query: Queryable): Promise<number>;
    attemptsSince(since: Date): Promise<{
        provider: string;
        total: number;
        failed: number;
    }[]>;
    deliveryP95Since(since: Date): Promise<{
        provider: string;
        seconds: number;
    }[]>;
    reapedWithin(minutes: number): Promise<number>;
}
export interface SendLogExportRow {
    id: string;
    challengeId: string | null;
    provider: string;
    attempt: number;
    status: string;
    errorCode: string | null;
    segments: number | null;
    price: string | null;
    currency: string | null;
    country: string | null;
    createdAt: Date;
    deliveredAt: Date | null;
}
export type DeliveryStatus = 'queued' | 'sent' | 'delivered' | 'undelivered' | 'failed';
