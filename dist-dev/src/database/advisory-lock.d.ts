import type { MfaDb, Queryable } from './mfa-db';
export declare function lockForTransaction(query: Queryable, key: string): Promise<void>;
export declare const userFactorsLock: (userId: string) => string;
export declare function inUserFactorsLock<T>(db: MfaDb, userId: string, work: (query: Queryable) => Promise<T>): Promise<T>;
