import type { MfaDb, Queryable } from './mfa-db';

/**
 * Takes a transaction-scoped advisory lock on `key` (released at commit or
 * rollback): writers that must take turns on one user's rows, where no row
 * lock exists yet to serialise them (inserts, check-then-write), take it first.
 */
export async function lockForTransaction(query: Queryable, key: string): Promise<void> {
  await query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [key]);
}

/** The key under which a user's second factors change one at a time. */
export const userFactorsLock = (userId: string) => `mfa-factors:${userId}`;

/** The key under which a user's codes are issued and spent (the issue and verify batches' SQL take it). */
export const userCodesLock = (userId: string) => `mfa-issue:${userId}`;

/**
 * Takes several transaction-scoped advisory locks in one statement, in the
 * order of their hash: the order the batched statements take theirs in, so
 * that a transaction holding both a user's keys never deadlocks with them.
 */
export async function lockAllForTransaction(query: Queryable, keys: string[]): Promise<void> {
  await query(
    `SELECT pg_advisory_xact_lock(k) FROM (SELECT DISTINCT hashtextextended(key, 0) AS k FROM unnest($1::text[]) key ORDER BY 1) locks`,
    [keys],
  );
}

/**
 * Runs `work` in one transaction that holds the user's factor lock. Every
 * statement that creates, completes or removes a factor (SMS, voice and
 * WhatsApp enrolment, TOTP, recovery-code sets, removal) runs here and
 * re-checks the step-up rule inside: under READ COMMITTED two such statements
 * would each miss the other's uncommitted factor; under the lock the second
 * one's snapshot is taken after the first committed.
 */
export function inUserFactorsLock<T>(db: MfaDb, userId: string, work: (query: Queryable) => Promise<T>): Promise<T> {
  return db.transaction(async (query) => {
    await lockForTransaction(query, userFactorsLock(userId));
    return work(query);
  });
}
