import { Controller, Get, Header, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { MfaMetrics } from '../metrics/mfa-metrics';
import { OpsAccessGuard } from './ops-access.guard';
import { MfaPublicRoute } from '../common/public-route';

/** Prometheus text exposition (OPS_PORT or OPS_TOKEN in production). */
@ApiExcludeController()
@MfaPublicRoute()
@UseGuards(OpsAccessGuard)
@Controller('metrics')
export class MetricsController {
  constructor(private readonly metrics: MfaMetrics) {}

  @Get()
  @Header('Content-Type', 'text/plain; version=0.0.4; charset=utf-8')
  scrape(): Promise<string> {
    return this.metrics.registry.metrics();
  }
}
