import { Body, Controller, HttpCode, Post, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { MfaExceptionFilter } from '../../common/mfa-exception.filter';
import { SnsEventsService } from './sns-events.service';
import { MfaPublicRoute } from '../../common/public-route';

/**
 * AWS delivery events by Amazon SNS (HTTP/S subscription). SNS posts JSON as
 * text/plain; the body arrives as text (configureApp adds a text parser) or,
 * where a host parses it as JSON, as an object. 204 for anything accepted,
 * 403 for an unsigned or badly signed message.
 */
@ApiExcludeController()
@MfaPublicRoute()
@UseFilters(MfaExceptionFilter)
@Controller('mfa/webhooks/aws')
export class AwsWebhooksController {
  constructor(private readonly events: SnsEventsService) {}

  @Post('events')
  @HttpCode(204)
  async receive(@Body() body: unknown): Promise<void> {
    await this.events.receive(body);
  }
}
