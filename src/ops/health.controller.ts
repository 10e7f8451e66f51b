import { Controller, UseGuards, Get, Inject, ServiceUnavailableException } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, HealthIndicatorService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { MFA_DATA_SOURCE } from '../database/data-source';
import { SmsSender } from '../sms/sms-sender.service';
import { OpsAccessGuard } from './ops-access.guard';
import { ShutdownDrain } from './shutdown-drain.service';
import { ThrottlerRedis } from '../rate-limit/rate-limit.module';
import { OPS_CONFIG, type OpsConfig } from './ops.config';
import { MfaPublicRoute } from '../common/public-route';

/**
 * Readiness (`/health/ready`, public, no details; `/health`, for operators,
 * with details): 200 when the database answers, 503
 * otherwise and while shutting down. Provider circuits do not decide it: an
 * open circuit is a provider's trouble, not this replica's, and pulling every
 * replica would take TOTP down too; their states are in the details (and in
 * `sms_provider_up`). Liveness (`/health/live`): 200 while the process serves requests.
 */
@ApiTags('ops')
@MfaPublicRoute()
@Controller('health')
export class HealthController {
  constructor(
    private readonly drain: ShutdownDrain,
    private readonly throttlerRedis: ThrottlerRedis,
    private readonly health: HealthCheckService,
    private readonly typeorm: TypeOrmHealthIndicator,
    private readonly indicators: HealthIndicatorService,
    private readonly sender: SmsSender,
    @InjectDataSource(MFA_DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(OPS_CONFIG) private readonly config: OpsConfig,
  ) {}

  @Get('live')
  live() {
    return { status: 'ok' };
  }

  /** Public readiness: the verdict only, no details (they would map our dependencies for anyone). */
  @Get('ready')
  async ready() {
    try {
      await this.check();
    } catch {
      throw new ServiceUnavailableException({ status: 'error' });
    }
    return { status: 'ok' };
  }

  /** The detailed view, for operators (OPS_PORT or OPS_TOKEN in production); 503 keeps its details. */
  @Get()
  @UseGuards(OpsAccessGuard)
  @HealthCheck()
  check() {
    if (this.drain.isDraining) throw new ServiceUnavailableException({ status: 'shutting_down' });
    return this.health.check([
      () => this.typeorm.pingCheck('database', { connection: this.dataSource, timeout: 2000 }),
      () => this.providers(),
      () => this.redis(),
    ]);
  }

  /** Informational: Redis down is `degraded` (throttling in memory), never a failed readiness. */
  private redis() {
    return this.indicators.check('redis').up({ state: this.throttlerRedis.state() });
  }

  /** Informational: never fails readiness. `usable` says whether some provider can take a message now. */
  private providers() {
    const states = this.sender.providerStates();
    const usable = states.some((p) => p.enabled && p.circuit !== 'open');
    return this.indicators.check('sms').up({ smsEnabled: this.config.smsEnabled, usable, providers: states });
  }
}
