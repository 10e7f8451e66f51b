import { Client } from 'pg';

export interface StatementTime {
  /** The statement's first words, whitespace folded. */
  statement: string;
  count: number;
  /** Mean time from the driver's send to its answer, commit included. */
  meanMs: number;
}

type Callback = (...args: unknown[]) => void;

/**
 * Times every statement the server in this process sends, at the driver (by
 * its first `width` characters):
 * `Client.prototype.query` is wrapped while `measure` runs, then restored.
 * For the bench only (one request at a time, so the times do not overlap).
 */
export async function timeStatements(run: () => Promise<void>, width = 60): Promise<StatementTime[]> {
  const times = new Map<string, { count: number; ms: number }>();
  const original = Client.prototype.query;
  const record = (statement: string, started: bigint) => {
    const t = times.get(statement) ?? { count: 0, ms: 0 };
    t.count += 1;
    t.ms += Number(process.hrtime.bigint() - started) / 1e6;
    times.set(statement, t);
  };
  const timed = (statement: string, started: bigint, callback: Callback): Callback => (...args) => {
    record(statement, started);
    callback(...args);
  };
  Client.prototype.query = function (this: Client, config: unknown, values?: unknown, callback?: unknown) {
    const text = typeof config === 'string' ? config : ((config as { text?: string } | null)?.text ?? '');
    const statement = text.replace(/\s+/g, ' ').trim().slice(0, width);
    const started = process.hrtime.bigint();
    const query = original as (...args: unknown[]) => unknown;
    // The pool passes a callback (as the second or third argument); a direct caller may use the promise.
    if (typeof values === 'function') return query.call(this, config, timed(statement, started, values as Callback));
    if (typeof callback === 'function') return query.call(this, config, values, timed(statement, started, callback as Callback));
    const result = query.call(this, config, values);
    if (result instanceof Promise) void result.then(() => record(statement, started), () => undefined);
    return result;
  } as typeof Client.prototype.query;
  try {
    await run();
  } finally {
    Client.prototype.query = original;
  }
  return [...times]
    .map(([statement, t]) => ({ statement, count: t.count, meanMs: Math.round((t.ms / t.count) * 100) / 100 }))
    .sort((a, b) => b.meanMs * b.count - a.meanMs * a.count);
}
