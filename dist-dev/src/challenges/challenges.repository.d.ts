import { AssuranceRow } from '../assurance/assurance.repository';
import type { AssuranceRaise } from '../assurance/assurance.service';
import { MfaDb, Queryable } from '../database/mfa-db';
import type { SendSlotRequest, SlotRefusal } from '../rate-limit/send-limits';
import type { Channel } from '../sms/providers/sms-provider';
export type ChallengePurpose = 'enroll' | 'login';
export interface NewChallenge {
    id: string;
    userId: string;
    factorId?: string;
    newFactorId?: string;
    phoneE164: string;
    purpose: ChallengePurpose;
    codeHash: Buffer;
    expiresAt: Date;
    maxAttempts: number;
    clientIp?: string;
    createdAt: Date;
    firstProvider: string;
    country?: string;
    prefix: string;
    channel: Channel;
    locale?: string;
    fixedLine: boolean;
    reason?: string;
    slot: SendSlotRequest;
}
export type IssueOutcome = {
    attemptId: string;
    factorId: string;
    nextCooldownSeconds: number;
} | {
    refused: SlotRefusal;
};
export interface ChallengeRow {
    id: string;
    userId: string;
    factorId: string;
    phoneE164: string;
    purpose: ChallengePurpose;
    codeHash: Buffer;
    expiresAt: Date;
    attempts: number;
    maxAttempts: number;
    createdAt: Date;
    failures: number;
    lockedUntil?: Date;
}
export interface AcceptedDelivery {
    provider: string;
    providerMessageId: string;
    channel: Channel;
}
export interface FallbackClaim {
    userId: string;
    factorId: string;
    phoneE164: string;
    purpose: ChallengePurpose;
    country?: string;
    clientIp?: string;
    locale?: string;
}
export declare class ConcurrentChallengeError extends Error {
}
export declare class ChallengesRepository {
    private readonly db;
    constructor(db: MfaDb);
    issue(c: NewChallenge): Promise<IssueOutcome>;
    issueFixed(c: Omit<NewChallenge, 'slot' | 'firstProvider' | 'reason'>): Promise<{
        factorId: string;
    }>;
    findLive(userId: string, purpose: ChallengePurpose): Promise<ChallengeRow | undefined>;
    takeAttempt(userId: string, purpose: ChallengePurpose, now: Date, hardLimit: number): Promise<ChallengeRow | undefined>;
    consume(id: string, now: Date, raise?: AssuranceRaise): Promise<{
        assurance?: AssuranceRow;
        delivery?: AcceptedDelivery;
    } | undefined>;
    invalidate(id: string, now: Date): Promise<void>;
    claimFallback(id: string, now: Date): Promise<FallbackClaim | undefined>;
    purgeFinishedBefore(edge: Date, limit: number): Promise<number>;
    exportFor(userId: string): Promise<ChallengeExportRow[]>;
    numbersFor(userId: string, query: Queryable): Promise<string[]>;
    eraseFor(userId: string, query: Queryable): Promise<number>;
}
export interface ChallengeExportRow {
    id: string;
    purpose: ChallengePurpose;
    phoneNumber: string;
    country: string | null;
    clientIp: string | null;
    attempts: number;
    createdAt: Date;
    expiresAt: Date;
    consumedAt: Date | null;
    invalidatedAt: Date | null;
}
