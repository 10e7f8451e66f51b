import { ExecutionContext, Injectable } from '@nestjs/common';
import { ThrottlerGuard, ThrottlerLimitDetail } from '@nestjs/throttler';
import { MfaError } from '../common/mfa-error';

/**
 * Per-client-IP request throttling of the MFA routes (HTTP_THROTTLE_PER_MINUTE).
 * The IP is Express's `req.ip`, so TRUST_PROXY decides which forwarded hop counts.
 */
@Injectable()
export class MfaThrottlerGuard extends ThrottlerGuard {
  protected async throwThrottlingException(_context: ExecutionContext, detail: ThrottlerLimitDetail): Promise<void> {
    throw new MfaError('RATE_LIMITED', 'Too many requests from this address: slow down.', {
      limit: 'http',
      retryAfterSeconds: Math.max(1, detail.timeToBlockExpire || detail.timeToExpire),
    });
  }
}
