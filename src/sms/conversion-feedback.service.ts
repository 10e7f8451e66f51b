import { BeforeApplicationShutdown, Inject, Injectable, Logger } from '@nestjs/common';
import { errorSummary } from '../common/error-summary';
import { BackgroundTasks } from '../common/background-tasks';
import { MfaMetrics } from '../metrics/mfa-metrics';
import { SMS_PROVIDERS, SmsProvider } from './providers/sms-provider';
import type { AcceptedDelivery } from '../challenges/challenges.repository';

/**
 * Conversion feedback: once a code is verified, the provider that delivered
 * it is told (Twilio message feedback `confirmed`, AWS End User Messaging
 * `RECEIVED`), which their routing uses to tell working routes from failing
 * ones. Off the request path: a failure is logged and counted, never felt by
 * the verify.
 */
@Injectable()
export class ConversionFeedback implements BeforeApplicationShutdown {
  private readonly logger = new Logger('ConversionFeedback');
  private readonly byName: Map<string, SmsProvider>;
  private readonly tasks = new BackgroundTasks();

  constructor(
    @Inject(SMS_PROVIDERS) providers: SmsProvider[],
    private readonly metrics: MfaMetrics,
  ) {
    this.byName = new Map(providers.filter((p) => p.enabled && p.confirmConversion).map((p) => [p.name, p]));
  }

  /** The code that `delivery` carried was used: starts telling its provider, without waiting. */
  converted(delivery: AcceptedDelivery | undefined): void {
    const adapter = delivery && this.byName.get(delivery.provider);
    if (adapter) this.tasks.run(() => this.tell(adapter, delivery));
  }

  /** Work started before a shutdown finishes before the database pool closes (each call has the provider deadline). */
  beforeApplicationShutdown(): Promise<void> {
    return this.tasks.close();
  }

  /** Resolves when all feedback started so far has finished (tests; shutdown). */
  settled(): Promise<void> {
    return this.tasks.settled();
  }

  private async tell(adapter: SmsProvider, { provider, providerMessageId, channel }: AcceptedDelivery): Promise<void> {
    try {
      await adapter.confirmConversion!(providerMessageId, channel);
      this.metrics.feedbackTotal.inc({ provider, result: 'sent' });
    } catch (err) {
      this.metrics.feedbackTotal.inc({ provider, result: 'failed' });
      this.logger.warn(`conversion feedback to ${provider} failed: ${errorSummary(err)}`);
    }
  }
}
