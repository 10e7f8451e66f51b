import { MfaDb } from '../database/mfa-db';
export declare class OptOutsRepository {
    private readonly db;
    constructor(db: MfaDb);
    optOut(phoneE164: string, keyword: string, provider: string, now: Date): Promise<void>;
    optIn(phoneE164: string): Promise<void>;
    isOptedOut(phoneE164: string): Promise<boolean>;
}
