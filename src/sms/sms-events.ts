import { Injectable, Logger } from '@nestjs/common';
import { MfaMetrics } from '../metrics/mfa-metrics';
import type { ProviderError, SendResult } from './providers/sms-provider';

/** What the sending pipeline reports: metrics and the few log lines an operator needs. */
@Injectable()
export class SmsEvents {
  private readonly logger = new Logger('SmsProviders');

  constructor(private readonly metrics: MfaMetrics) {}

  sent(provider: string, result: SendResult): void {
    this.metrics.sendTotal.inc({ provider, status: 'accepted' });
    if (result.price !== undefined && result.currency) {
      this.metrics.costTotal.inc({ provider, currency: result.currency.toUpperCase() }, result.price);
    }
  }

  failed(provider: string, failure: ProviderError): void {
    this.metrics.sendTotal.inc({ provider, status: failure.kind === 'permanent' ? 'rejected' : 'failed' });
  }

  /** A provider took a message but its acceptance could not be written (the reaper resolves the row). */
  acceptanceUnrecorded(provider: string): void {
    this.metrics.sendTotal.inc({ provider, status: 'unrecorded' });
  }

  failedOver(from: string, to: string): void {
    this.metrics.failoverTotal.inc({ from, to });
  }

  budgetSpent(provider: string): void {
    this.metrics.sendTotal.inc({ provider, status: 'budget_exhausted' });
  }

  circuitChanged(provider: string, circuit: 'closed' | 'open' | 'half-open'): void {
    this.metrics.providerUp.set({ provider }, circuit === 'open' ? 0 : 1);
    if (circuit === 'open') this.logger.error(`circuit of ${provider} opened: sends skip it until a probe succeeds`);
    else this.logger.log(`circuit of ${provider} is ${circuit}`);
  }

  providerReady(provider: string, enabled: boolean): void {
    this.metrics.providerUp.set({ provider }, enabled ? 1 : 0);
  }
}
