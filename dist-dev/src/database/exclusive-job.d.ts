import type { MfaDb, Queryable } from './mfa-db';
export declare function runExclusive<T>(db: MfaDb, lockKey: number, work: (query: Queryable) => Promise<T>): Promise<T | undefined>;
