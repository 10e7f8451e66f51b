import { Global, Module } from '@nestjs/common';
import { MfaMetrics } from './mfa-metrics';

@Global()
@Module({ providers: [MfaMetrics], exports: [MfaMetrics] })
export class MetricsModule {}
