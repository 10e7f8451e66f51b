import type { ProviderLimits } from '../config/mfa-config';
import { MfaDb } from '../database/mfa-db';
export declare function leaseSize(limits: ProviderLimits): number;
export declare class ProviderBudgets {
    private readonly db;
    private readonly leases;
    private readonly refills;
    constructor(db: MfaDb);
    tryTake(provider: string, limits: ProviderLimits, now: Date): Promise<boolean>;
    giveBack(provider: string): void;
    private refill;
}
