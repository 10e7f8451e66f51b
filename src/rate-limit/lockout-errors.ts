import { MfaError } from '../common/mfa-error';

/** Why a guess was not taken: the hard stop, or the running wait (30 s when a concurrent guess just started one). */
export function guessRefused(limit: string, run: { failures: number; lockedUntil?: Date }, hardLimit: number, now: Date): MfaError {
  if (run.failures >= hardLimit) {
    return new MfaError('RATE_LIMITED', 'Too many wrong codes: verify with another factor or contact support.', { limit });
  }
  return (
    waitingError(limit, run.lockedUntil, now) ??
    new MfaError('RATE_LIMITED', 'Too many wrong codes: wait before trying again.', { limit, retryAfterSeconds: 30 })
  );
}

/** RATE_LIMITED while a run of failures imposes a wait; undefined otherwise. */
function waitingError(limit: string, lockedUntil: Date | undefined, now: Date): MfaError | undefined {
  if (!lockedUntil || lockedUntil <= now) return undefined;
  return new MfaError('RATE_LIMITED', 'Too many wrong codes: wait before trying again.', {
    limit,
    retryAfterSeconds: Math.ceil((lockedUntil.getTime() - now.getTime()) / 1000),
  });
}
