import { createHash } from 'node:crypto';

/**
 * How a host session is keyed in the database: a SHA-256 of its id, since a
 * host may use a bearer secret as its session id. No session id, no key: such
 * a caller is never remembered as having shown a second factor.
 */
export function sessionKey(sessionId: string | undefined): Buffer | null {
  return sessionId ? createHash('sha256').update(sessionId).digest() : null;
}
