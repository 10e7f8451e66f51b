import type { MfaDb } from './mfa-db';

/**
 * One batch through a PL/pgSQL batch function (`fn(p_items jsonb)`, loaded by
 * the migrations, answering rows that carry their item's `ord`): the items
 * are numbered by their place, sent as one jsonb array, and each item gets
 * its own row back (undefined when the function answered none for it).
 */
export async function callBatchFunction<Row extends { ord: number }>(db: MfaDb, fn: string, items: readonly object[]): Promise<(Row | undefined)[]> {
  const rows = await db.query<Row>(`SELECT * FROM ${fn}($1::jsonb)`, [JSON.stringify(items.map((item, ord) => ({ ...item, ord })))]);
  const byItem = Array.from<Row | undefined>({ length: items.length });
  for (const row of rows) byItem[row.ord] = row;
  return byItem;
}
