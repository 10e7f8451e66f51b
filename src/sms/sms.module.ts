import { Module } from '@nestjs/common';
import { MockSmsProvider } from './providers/mock/mock-sms.provider';
import { SMS_PROVIDERS } from './providers/sms-provider';
import { SendLogRepository } from './send-log.repository';
import { SmsSender } from './sms-sender.service';
import { MessageRenderer } from './templates/message-renderer';

@Module({
  providers: [
    MockSmsProvider,
    { provide: SMS_PROVIDERS, inject: [MockSmsProvider], useFactory: (mock: MockSmsProvider) => [mock] },
    SendLogRepository,
    SmsSender,
    MessageRenderer,
  ],
  exports: [SmsSender, MessageRenderer, MockSmsProvider],
})
export class SmsModule {}
