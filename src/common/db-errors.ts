/**
 * Errors that say the database is unreachable or overloaded, not that the
 * request was wrong: the client should retry later (503), and nothing about
 * them is the caller's fault. SQLSTATE classes 08 (connection exception),
 * 57P01–57P03 (shutdown, crash, cannot connect now), 53300 (too many
 * connections), 57014 (statement timeout), 40P01 (deadlock), 40001
 * (serialization), 55P03 (lock not available); socket errors; and pg's own
 * messages for a pool that could not get a connection in time.
 */
const SQLSTATES = new Set(['57P01', '57P02', '57P03', '53300', '57014', '40P01', '40001', '55P03']);
const SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN']);
const MESSAGES = /Connection terminated|timeout exceeded when trying to connect|Query read timeout|connection error|Connection ended|not queryable/i;

/**
 * Whether the server reported the error of a statement, so that its
 * transaction was rolled back and the statement may run again: an error with
 * a SQLSTATE, other than a lost connection or a shutdown (after which the
 * statement may have committed unseen).
 */
export function rolledBack(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  if (typeof code !== 'string' || !/^[0-9A-Z]{5}$/.test(code) || SOCKET_CODES.has(code)) return false;
  return !code.startsWith('08') && !code.startsWith('57P');
}

export function isDatabaseUnavailable(err: unknown): boolean {
  const e = err as { code?: unknown; message?: unknown; driverError?: unknown } | null;
  if (!e || typeof e !== 'object') return false;
  if (e.driverError) return isDatabaseUnavailable(e.driverError);
  const code = typeof e.code === 'string' ? e.code : '';
  if (SQLSTATES.has(code) || code.startsWith('08') || SOCKET_CODES.has(code)) return true;
  return typeof e.message === 'string' && MESSAGES.test(e.message);
}
