import type { Queryable } from './mfa-db';

/**
 * Takes a transaction-scoped advisory lock on `key` (released at commit or
 * rollback): writers that must take turns on one user's rows, where no row
 * lock exists yet to serialise them (inserts, check-then-write), take it first.
 */
export async function lockForTransaction(query: Queryable, key: string): Promise<void> {
  await query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [key]);
}

/** The key under which a user's second factors change one at a time (removal, recovery-code sets). */
export const userFactorsLock = (userId: string) => `mfa-factors:${userId}`;
