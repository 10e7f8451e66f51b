import { ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import {
  InjectThrottlerOptions,
  InjectThrottlerStorage,
  ThrottlerGuard,
  ThrottlerLimitDetail,
  type ThrottlerModuleOptions,
  type ThrottlerStorage,
} from '@nestjs/throttler';
import { MfaError } from '../common/mfa-error';
import { MfaMetrics } from '../metrics/mfa-metrics';

/**
 * Per-client-IP request throttling of the MFA routes (HTTP_THROTTLE_PER_MINUTE).
 * The IP is Express's `req.ip`, so TRUST_PROXY decides which forwarded hop counts.
 */
@Injectable()
export class MfaThrottlerGuard extends ThrottlerGuard {
  constructor(
    @InjectThrottlerOptions() options: ThrottlerModuleOptions,
    @InjectThrottlerStorage() storage: ThrottlerStorage,
    reflector: Reflector,
    private readonly metrics: MfaMetrics,
  ) {
    super(options, storage, reflector);
  }

  protected async throwThrottlingException(_context: ExecutionContext, detail: ThrottlerLimitDetail): Promise<void> {
    this.metrics.rateLimitedTotal.inc({ limit: 'http' });
    throw new MfaError('RATE_LIMITED', 'Too many requests from this address: slow down.', {
      limit: 'http',
      retryAfterSeconds: Math.max(1, detail.timeToBlockExpire || detail.timeToExpire),
    });
  }
}
