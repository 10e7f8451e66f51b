import { Module } from '@nestjs/common';
import { MetricsModule } from '../metrics/metrics.module';
import { SmsModule } from '../sms/sms.module';
import { DeliveryService } from './delivery.service';
import { OptOutService } from './opt-out.service';
import { TwilioSignatureGuard } from './twilio-signature.guard';
import { TwilioWebhooksController } from './twilio-webhooks.controller';

/** Provider callbacks: delivery reports and inbound keywords (STOP/START/HELP). */
@Module({
  imports: [SmsModule, MetricsModule],
  providers: [DeliveryService, OptOutService, TwilioSignatureGuard],
  controllers: [TwilioWebhooksController],
})
export class WebhooksModule {}
