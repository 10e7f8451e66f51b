import { ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ThrottlerGuard, ThrottlerLimitDetail, type ThrottlerModuleOptions, type ThrottlerStorage } from '@nestjs/throttler';
import { type RateLimitConfig } from './rate-limit.config';
import { MfaMetrics } from '../metrics/mfa-metrics';
export declare class MfaThrottlerGuard extends ThrottlerGuard {
    private readonly metrics;
    private readonly config;
    constructor(options: ThrottlerModuleOptions, storage: ThrottlerStorage, reflector: Reflector, metrics: MfaMetrics, config: RateLimitConfig);
    protected getTracker(req: Record<string, any>): Promise<string>;
    protected throwThrottlingException(_context: ExecutionContext, detail: ThrottlerLimitDetail): Promise<void>;
}
