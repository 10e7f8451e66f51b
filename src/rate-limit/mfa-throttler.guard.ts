import { ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import {
  InjectThrottlerOptions,
  InjectThrottlerStorage,
  ThrottlerGuard,
  ThrottlerLimitDetail,
  type ThrottlerModuleOptions,
  type ThrottlerStorage,
} from '@nestjs/throttler';
import { clientKey } from '../common/client-ip';
import { MfaError } from '../common/mfa-error';
import { RATE_LIMIT_CONFIG, type RateLimitConfig } from './rate-limit.config';
import { MfaMetrics } from '../metrics/mfa-metrics';

/**
 * Per-client request throttling of the MFA routes (HTTP_THROTTLE_PER_MINUTE).
 * The client is the adapter's `req.ip` (TRUST_PROXY decides which forwarded hop
 * counts), keyed like every per-IP limit: IPv6 by its network (clientKey).
 */
@Injectable()
export class MfaThrottlerGuard extends ThrottlerGuard {
  constructor(
    @InjectThrottlerOptions() options: ThrottlerModuleOptions,
    @InjectThrottlerStorage() storage: ThrottlerStorage,
    reflector: Reflector,
    private readonly metrics: MfaMetrics,
    @Inject(RATE_LIMIT_CONFIG) private readonly config: RateLimitConfig,
  ) {
    super(options, storage, reflector);
  }

  protected async getTracker(req: Record<string, any>): Promise<string> {
    return clientKey(req.ip, this.config.ipv6SubnetPrefix) ?? 'unknown';
  }

  protected async throwThrottlingException(_context: ExecutionContext, detail: ThrottlerLimitDetail): Promise<void> {
    this.metrics.rateLimitedTotal.inc({ limit: 'http' });
    throw new MfaError('RATE_LIMITED', 'Too many requests from this address: slow down.', {
      limit: 'http',
      retryAfterSeconds: Math.max(1, detail.timeToBlockExpire || detail.timeToExpire),
    });
  }
}
