import { Inject, Injectable } from '@nestjs/common';
import { PublishCommand, SNSClient } from '@aws-sdk/client-sns';
import { awsClientOptions } from '../aws-client';
import { AWS_SNS_CONFIG, type AwsSnsConfig } from './aws-sns.config';
import { SendResult, SmsMessage, SmsProvider } from '../sms-provider';
import { classifySnsError } from './aws-sns-errors';

/**
 * AWS SNS direct-to-phone SMS (transactional). Credentials come from the
 * standard AWS chain. The SDK's own retries are off (one attempt): a slow SNS
 * must not delay failover, which is the sender's job.
 */
@Injectable()
export class AwsSnsSmsProvider implements SmsProvider {
  readonly name = 'AWS_SNS' as const;
  readonly enabled: boolean;
  private readonly client?: SNSClient;

  constructor(@Inject(AWS_SNS_CONFIG) private readonly config: AwsSnsConfig) {
    this.enabled = config.awsSnsEnabled;
    if (!this.enabled) return;
    this.client = new SNSClient(awsClientOptions(config.awsSnsRegion, config.awsSnsEndpoint, config.providerTimeoutMs));
  }

  async send(message: SmsMessage, signal: AbortSignal): Promise<SendResult> {
    const attributes: NonNullable<PublishCommand['input']['MessageAttributes']> = {
      'AWS.SNS.SMS.SMSType': { DataType: 'String', StringValue: 'Transactional' },
    };
    if (message.maxPriceUsd !== undefined) {
      attributes['AWS.SNS.SMS.MaxPrice'] = { DataType: 'Number', StringValue: message.maxPriceUsd.toFixed(5) };
    }
    if (this.config.awsSnsSenderId) {
      attributes['AWS.SNS.SMS.SenderID'] = { DataType: 'String', StringValue: this.config.awsSnsSenderId };
    }
    try {
      const out = await this.client!.send(
        new PublishCommand({ PhoneNumber: message.to, Message: message.body, MessageAttributes: attributes }),
        { abortSignal: signal },
      );
      return { providerMessageId: out.MessageId, status: 'queued' };
    } catch (err) {
      throw classifySnsError(err);
    }
  }

  destroy(): void {
    this.client?.destroy();
  }
}
