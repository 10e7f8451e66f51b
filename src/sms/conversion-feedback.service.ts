import { BeforeApplicationShutdown, Inject, Injectable, Logger } from '@nestjs/common';
import { BackgroundTasks } from '../common/background-tasks';
import { MfaMetrics } from '../metrics/mfa-metrics';
import { SMS_PROVIDERS, SmsProvider } from './providers/sms-provider';
import { SendLogRepository } from './send-log.repository';

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
    private readonly sendLog: SendLogRepository,
    private readonly metrics: MfaMetrics,
  ) {
    this.byName = new Map(providers.filter((p) => p.enabled && p.confirmConversion).map((p) => [p.name, p]));
  }

  /** The code of this challenge was used: starts telling its provider, without waiting. */
  converted(challengeId: string): void {
    if (this.byName.size) this.tasks.run(() => this.tell(challengeId));
  }

  /** Work started before a shutdown finishes before the database pool closes (each call has the provider deadline). */
  beforeApplicationShutdown(): Promise<void> {
    return this.tasks.close();
  }

  /** Resolves when all feedback started so far has finished (tests; shutdown). */
  settled(): Promise<void> {
    return this.tasks.settled();
  }

  private async tell(challengeId: string): Promise<void> {
    let provider = 'unknown';
    try {
      const sent = await this.sendLog.acceptedAttempt(challengeId);
      const adapter = sent && this.byName.get(sent.provider);
      if (!sent || !adapter) return;
      provider = sent.provider;
      await adapter.confirmConversion!(sent.providerMessageId, sent.channel);
      this.metrics.feedbackTotal.inc({ provider, result: 'sent' });
    } catch (err) {
      this.metrics.feedbackTotal.inc({ provider, result: 'failed' });
      this.logger.warn(`conversion feedback to ${provider} failed: ${(err as Error).message}`);
    }
  }
}
