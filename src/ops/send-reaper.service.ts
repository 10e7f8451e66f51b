import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { OPS_CONFIG, type OpsConfig } from './ops.config';
import { JobScheduler } from './job-scheduler';
import { SendLogRepository } from '../sms/send-log.repository';

/** Margin past the last provider's deadline before an attempt is deemed lost. */
const MARGIN_SECONDS = 30;

/**
 * No attempt stays 'sending' past the provider deadline: every minute, rows
 * older than every provider's timeout in turn (plus a margin) are resolved as
 * 'unknown' and logged; the `stuck_sends` alert reports them.
 */
@Injectable()
export class SendReaper implements OnModuleInit {
  private readonly logger = new Logger('SendReaper');

  constructor(
    private readonly sendLog: SendLogRepository,
    @Inject(OPS_CONFIG) private readonly config: OpsConfig,
    private readonly jobs: JobScheduler,
  ) {}

  onModuleInit(): void {
    this.jobs.every('mfa-send-reaper', this.config.alertIntervalSeconds * 1000, this.logger, () => this.run());
  }

  /** Seconds after which a 'sending' attempt can no longer be in flight. */
  get deadlineSeconds(): number {
    const providers = Object.keys(this.config.providers).length;
    return Math.ceil((this.config.providerTimeoutMs * providers) / 1000) + MARGIN_SECONDS;
  }

  async run(): Promise<number> {
    const reaped = await this.sendLog.reapStale(this.deadlineSeconds);
    if (reaped)
      this.logger.error(`${reaped} send attempts were still 'sending' past the provider deadline: marked unknown`);
    return reaped;
  }
}
