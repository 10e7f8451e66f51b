import { Module } from '@nestjs/common';
import { configSlice } from '../config/settings';
import { AWS_EUM_CONFIG, AWS_EUM_CONFIG_KEYS } from './providers/aws-eum/aws-eum.config';
import { AwsEumProvider } from './providers/aws-eum/aws-eum.provider';
import { AWS_SNS_CONFIG, AWS_SNS_CONFIG_KEYS } from './providers/aws-sns/aws-sns.config';
import { TWILIO_CONFIG, TWILIO_CONFIG_KEYS } from './providers/twilio/twilio.config';
import { SMS_CONFIG, SMS_CONFIG_KEYS } from './sms.config';
import { ChallengesModule } from '../challenges/challenges.module';
import { MfaEventsModule } from '../common/mfa-events';
import { MfaDbModule } from '../database/mfa-db.module';
import { FraudModule } from '../fraud/fraud.module';
import { MetricsModule } from '../metrics/metrics.module';
import { AwsSnsSmsProvider } from './providers/aws-sns/aws-sns.provider';
import { MockSmsProvider } from './providers/mock/mock-sms.provider';
import { HOST_SMS_PROVIDERS, SMS_PROVIDERS, SmsProvider } from './providers/sms-provider';
import { TwilioSmsProvider } from './providers/twilio/twilio.provider';
import { OptOutsRepository } from './opt-outs.repository';
import { PriceBook } from './pricing/price-book';
import { SpendCaps } from './pricing/spend-caps';
import { SpendRepository } from './pricing/spend.repository';
import { ProviderBudgets } from './provider-budgets';
import { SendLogRepository } from './send-log.repository';
import { SmsEvents } from './sms-events';
import { SmsDispatcher } from './sms-dispatcher.service';
import { CodeIssueUnit } from './code-issue.unit';
import { CodeIssuer } from './code-issuer.service';
import { SmsSender } from './sms-sender.service';
import { MessageRenderer } from './templates/message-renderer';
import { PhoneModule } from '../phone/phone.module';
import { ConversionFeedback } from './conversion-feedback.service';
import { VoiceFallback } from './voice-fallback.service';

/** The sending pipeline: screening, the issue under the limits, providers (built-in and the host's), budgets, circuits, failover, send log, prices. */
@Module({
  imports: [MfaDbModule, MetricsModule, ChallengesModule, FraudModule, MfaEventsModule, PhoneModule],
  providers: [
    configSlice(SMS_CONFIG, SMS_CONFIG_KEYS),
    configSlice(TWILIO_CONFIG, TWILIO_CONFIG_KEYS),
    configSlice(AWS_SNS_CONFIG, AWS_SNS_CONFIG_KEYS),
    configSlice(AWS_EUM_CONFIG, AWS_EUM_CONFIG_KEYS),
    TwilioSmsProvider,
    AwsSnsSmsProvider,
    AwsEumProvider,
    MockSmsProvider,
    {
      provide: SMS_PROVIDERS,
      inject: [TwilioSmsProvider, AwsSnsSmsProvider, AwsEumProvider, MockSmsProvider, HOST_SMS_PROVIDERS],
      useFactory: (twilio: SmsProvider, sns: SmsProvider, eum: SmsProvider, mock: SmsProvider, host: SmsProvider[]) => [
        twilio,
        sns,
        eum,
        mock,
        ...host,
      ],
    },
    SendLogRepository,
    ProviderBudgets,
    OptOutsRepository,
    SmsEvents,
    SmsSender,
    MessageRenderer,
    PriceBook,
    SpendRepository,
    SpendCaps,
    CodeIssueUnit,
    CodeIssuer,
    SmsDispatcher,
    VoiceFallback,
    ConversionFeedback,
  ],
  exports: [
    VoiceFallback,
    ConversionFeedback,
    SMS_CONFIG,
    TWILIO_CONFIG,
    SmsDispatcher,
    SmsSender,
    MessageRenderer,
    MockSmsProvider,
    OptOutsRepository,
    SendLogRepository,
    SpendCaps,
    SpendRepository,
    PriceBook,
  ],
})
export class SmsModule {}
