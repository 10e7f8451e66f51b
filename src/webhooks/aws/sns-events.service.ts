import { Inject, Injectable, Logger } from '@nestjs/common';
import { Clock } from '../../common/clock';
import { MfaError } from '../../common/mfa-error';
import { DeliveryService } from '../delivery.service';
import { AWS_EVENTS_CONFIG, type AwsEventsConfig } from './aws-events.config';
import { eumEventReport } from './eum-events';
import { InvalidSnsMessage, parseSnsMessage, SnsMessage } from './sns-message';
import { InvalidSnsSignature, sameOrigin, SnsSignatureVerifier } from './sns-signature-verifier';

/** A notification older than this (by its signed Timestamp) is refused: SNS retries well within it. */
const MAX_AGE_MS = 60 * 60_000;
/** Clocks disagree a little; a Timestamp further in the future than this is refused. */
const MAX_SKEW_MS = 5 * 60_000;
/** SNS message ids remembered per instance, to answer a replay without doing its work again. */
const SEEN_IDS = 10_000;

/**
 * Amazon SNS HTTP(S) notifications to /mfa/webhooks/aws/events: the
 * delivery events of AWS End User Messaging (its configuration set's event
 * destination is an SNS topic subscribed to that URL). Nothing is believed
 * before the SNS signature (v1 or v2) verifies against a certificate from an
 * AWS SNS host (AWS_SNS_CERT_URL_PATTERN), the topic is allowed
 * (AWS_SNS_TOPIC_ARNS, when set) and the signed Timestamp is recent.
 * Subscriptions are confirmed at the URL SNS gave, which must be on the
 * certificate's own origin (never a URL of the sender's choosing).
 */
@Injectable()
export class SnsEventsService {
  private readonly logger = new Logger('AwsDeliveryEvents');
  private readonly verifier: SnsSignatureVerifier;
  private readonly seen = new Set<string>();

  constructor(
    @Inject(AWS_EVENTS_CONFIG) private readonly config: AwsEventsConfig,
    @Inject(Clock) private readonly clock: Clock,
    private readonly delivery: DeliveryService,
  ) {
    this.verifier = new SnsSignatureVerifier({
      certUrlPattern: new RegExp(config.awsSnsCertUrlPattern),
      now: () => clock.now(),
      certificateTimeoutMs: config.providerTimeoutMs,
    });
  }

  async receive(body: unknown): Promise<void> {
    // Without AWS End User Messaging there are no events to take: the route is as good as absent.
    if (!this.config.awsEumEnabled) throw new MfaError('NOT_FOUND');
    const message = await this.authenticated(body);
    if (this.seen.has(message.MessageId)) return;
    switch (message.Type) {
      case 'SubscriptionConfirmation':
        await this.confirm(message);
        break;
      case 'Notification': {
        const report = eumEventReport(message.Message);
        if (report) await this.delivery.report(report);
        break;
      }
      default:
        this.logger.warn(`SNS ${message.Type} for ${message.TopicArn}`);
    }
    this.remember(message.MessageId);
  }

  /** The message, once its signature, topic and age are checked; else 400 (not SNS at all) or 403. */
  private async authenticated(body: unknown): Promise<SnsMessage> {
    let message: SnsMessage;
    try {
      message = parseSnsMessage(body);
    } catch (err) {
      if (err instanceof InvalidSnsMessage && err.reason === 'not JSON') {
        throw new MfaError('VALIDATION_FAILED', 'The body must be an SNS message (JSON).');
      }
      throw new MfaError('FORBIDDEN', 'Not a signed SNS message.');
    }
    // The topic is part of what is signed: checked first, a message from another topic costs no certificate fetch.
    const { awsSnsTopicArns } = this.config;
    if (awsSnsTopicArns.length && !awsSnsTopicArns.includes(message.TopicArn)) {
      throw new MfaError('FORBIDDEN', 'This SNS topic is not accepted.');
    }
    try {
      await this.verifier.verify(message);
    } catch (err) {
      const reason = err instanceof InvalidSnsSignature ? err.reason : 'certificate';
      this.logger.warn(`SNS message refused: ${reason}`);
      throw new MfaError('FORBIDDEN', 'Invalid SNS signature.');
    }
    const age = this.clock.now().getTime() - Date.parse(message.Timestamp);
    if (!(age <= MAX_AGE_MS && age >= -MAX_SKEW_MS)) {
      throw new MfaError('FORBIDDEN', 'The SNS message is too old (or from the future).');
    }
    return message;
  }

  /** Confirms a subscription by visiting its SubscribeURL, on the signing certificate's origin only. */
  private async confirm(message: SnsMessage): Promise<void> {
    const url = message.SubscribeURL!;
    if (!sameOrigin(url, message.SigningCertURL)) {
      throw new MfaError('FORBIDDEN', 'The subscription URL is not on the SNS host.');
    }
    const response = await fetch(url, {
      redirect: 'error',
      signal: AbortSignal.timeout(this.config.providerTimeoutMs),
    }).catch(() => undefined);
    if (!response?.ok) {
      // SNS sends the confirmation again; a 503 says so.
      throw new MfaError('SERVICE_UNAVAILABLE', 'The subscription could not be confirmed: try again.', { retryAfterSeconds: 30 });
    }
    await response.body?.cancel();
    this.logger.log(`subscribed to ${message.TopicArn}`);
  }

  private remember(id: string): void {
    this.seen.add(id);
    if (this.seen.size > SEEN_IDS) this.seen.delete(this.seen.values().next().value!);
  }
}
