import type { MfaDb, Queryable } from './mfa-db';

/**
 * Runs `work` on one connection while holding a session advisory lock, so at
 * most one instance runs it at a time. Returns undefined, without running,
 * when another instance holds the lock.
 */
export async function runExclusive<T>(db: MfaDb, lockKey: number, work: (query: Queryable) => Promise<T>): Promise<T | undefined> {
  interface LockRow {
    locked: boolean;
  }
  return db.session(async (query) => {
    const [{ locked }] = await query<LockRow>('SELECT pg_try_advisory_lock($1) AS locked', [lockKey]);
    if (!locked) return undefined;
    try {
      return await work(query);
    } finally {
      await query('SELECT pg_advisory_unlock($1)', [lockKey]);
    }
  });
}
