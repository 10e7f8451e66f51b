import type { Queryable } from './mfa-db';

/**
 * One short batch of a retention delete: at most `limit` rows of `table`
 * matching `where` (placeholders from $2 on; $1 is the limit), so no lock is
 * held long. Returns how many rows went. For the owning repositories' purge
 * methods; the cleanup job repeats them until a batch comes back short.
 */
export async function purgeBatch(query: Queryable, table: string, where: string, limit: number, params: unknown[]): Promise<number> {
  const rows = await query(
    `WITH doomed AS (SELECT ctid FROM ${table} WHERE ${where} LIMIT $1)
     DELETE FROM ${table} WHERE ctid IN (SELECT ctid FROM doomed) RETURNING 1`,
    [limit, ...params],
  );
  return rows.length;
}
