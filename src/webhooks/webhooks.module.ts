import { Module } from '@nestjs/common';
import { SmsModule } from '../sms/sms.module';
import { DeliveryService } from './delivery.service';
import { OptOutService } from './opt-out.service';
import { TwilioSignatureGuard } from './twilio-signature.guard';

@Module({
  imports: [SmsModule],
  providers: [DeliveryService, OptOutService, TwilioSignatureGuard],
  exports: [DeliveryService, OptOutService, TwilioSignatureGuard],
})
export class WebhooksModule {}
