/**
 * Errors that say the database is unreachable or overloaded, not that the
 * request was wrong: the client should retry later (503), and nothing about
 * them is the caller's fault. SQLSTATE classes 08 (connection exception),
 * 57P01–57P03 (shutdown, crash, cannot connect now), 53300 (too many
 * connections), 57014 (statement timeout); socket errors; and pg's own
 * messages for a pool that could not get a connection in time.
 */
const SQLSTATES = new Set(['57P01', '57P02', '57P03', '53300', '57014']);
const SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN']);
const MESSAGES = /Connection terminated|timeout exceeded when trying to connect|Query read timeout|connection error|Connection ended|not queryable/i;

export function isDatabaseUnavailable(err: unknown): boolean {
  const e = err as { code?: unknown; message?: unknown; driverError?: unknown } | null;
  if (!e || typeof e !== 'object') return false;
  if (e.driverError) return isDatabaseUnavailable(e.driverError);
  const code = typeof e.code === 'string' ? e.code : '';
  if (SQLSTATES.has(code) || code.startsWith('08') || SOCKET_CODES.has(code)) return true;
  return typeof e.message === 'string' && MESSAGES.test(e.message);
}
