import { Module } from '@nestjs/common';
import { MfaMetrics } from './mfa-metrics';

@Module({ providers: [MfaMetrics], exports: [MfaMetrics] })
export class MetricsModule {}
