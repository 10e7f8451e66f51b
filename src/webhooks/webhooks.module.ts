import { Module } from '@nestjs/common';
import { MetricsModule } from '../metrics/metrics.module';
import { SmsModule } from '../sms/sms.module';
import { DeliveryService } from './delivery.service';
import { OptOutService } from './opt-out.service';
import { TwilioSignatureGuard } from './twilio-signature.guard';
import { TwilioWebhooksController } from './twilio-webhooks.controller';
import { configSlice } from '../config/settings';
import { AWS_EVENTS_CONFIG, AWS_EVENTS_CONFIG_KEYS } from './aws/aws-events.config';
import { AwsWebhooksController } from './aws/aws-webhooks.controller';
import { SnsEventsService } from './aws/sns-events.service';

/** Provider callbacks: delivery reports (Twilio, AWS by SNS) and inbound keywords (STOP/START/HELP). */
@Module({
  imports: [SmsModule, MetricsModule],
  providers: [
    configSlice(AWS_EVENTS_CONFIG, AWS_EVENTS_CONFIG_KEYS),
    DeliveryService,
    OptOutService,
    TwilioSignatureGuard,
    SnsEventsService,
  ],
  controllers: [TwilioWebhooksController, AwsWebhooksController],
})
export class WebhooksModule {}
