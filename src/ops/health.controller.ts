import { Controller, Get, Inject } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, HealthIndicatorService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { MFA_DATA_SOURCE } from '../database/data-source';
import { SmsSender } from '../sms/sms-sender.service';
import { MFA_CONFIG, type MfaConfig } from '../config/mfa-config';

/** 200 when the database answers and at least one SMS provider can take messages; else 503. */
@ApiTags('ops')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly typeorm: TypeOrmHealthIndicator,
    private readonly indicators: HealthIndicatorService,
    private readonly sender: SmsSender,
    @InjectDataSource(MFA_DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(MFA_CONFIG) private readonly config: MfaConfig,
  ) {}

  @Get()
  @HealthCheck()
  check() {
    return this.health.check([
      () => this.typeorm.pingCheck('database', { connection: this.dataSource, timeout: 2000 }),
      () => this.providers(),
    ]);
  }

  private providers() {
    const indicator = this.indicators.check('sms');
    const states = this.sender.providerStates();
    const usable = states.some((p) => p.enabled && p.circuit !== 'open');
    const details = { smsEnabled: this.config.smsEnabled, providers: states };
    return usable || !this.config.smsEnabled ? indicator.up(details) : indicator.down(details);
  }
}
