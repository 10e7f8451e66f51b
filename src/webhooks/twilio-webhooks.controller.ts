import { Body, Controller, Header, HttpCode, Post, UseFilters, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import twilio from 'twilio';
import { MfaExceptionFilter } from '../common/mfa-exception.filter';
import type { DeliveryStatus } from '../sms/send-log.repository';
import { DeliveryService } from './delivery.service';
import { OptOutService } from './opt-out.service';
import { TwilioSignatureGuard } from './twilio-signature.guard';
import { MfaPublicRoute } from '../common/public-route';

/** Twilio's message and call statuses, folded into the send log's. Others (receiving, received) are not ours. */
const TWILIO_STATUS: Record<string, DeliveryStatus> = {
  accepted: 'queued',
  scheduled: 'queued',
  queued: 'queued',
  initiated: 'queued',
  sending: 'sent',
  sent: 'sent',
  ringing: 'sent',
  delivered: 'delivered',
  read: 'delivered',
  // A call: answered means the code is being said.
  'in-progress': 'delivered',
  completed: 'delivered',
  undelivered: 'undelivered',
  busy: 'undelivered',
  'no-answer': 'undelivered',
  failed: 'failed',
  canceled: 'failed',
};

/**
 * Twilio errors of an undelivered message that say the handset was not
 * reached (30003 unreachable destination handset, 30006 landline or
 * unreachable carrier): a call may get through. Blocks and filters (30004,
 * 30007 carrier filtering, 30450 pumping protection, …) are not here, and
 * neither is 30008 ("unknown error"): Twilio's own guidance lists carrier
 * filtering among its causes, so counting it as "not reached" would let a
 * filtered pumping ring turn each blocked SMS into a paid call.
 */
const UNREACHED = new Set(['30003', '30006']);

/** Twilio posts form-encoded bodies; every field is optional and read as a string. */
type TwilioForm = Record<string, unknown>;
const field = (form: TwilioForm, name: string): string | undefined =>
  typeof form[name] === 'string' ? (form[name] as string).slice(0, 1600) : undefined;

@ApiExcludeController()
@MfaPublicRoute()
@UseGuards(TwilioSignatureGuard)
@UseFilters(MfaExceptionFilter)
@Controller('mfa/webhooks/twilio')
export class TwilioWebhooksController {
  constructor(
    private readonly delivery: DeliveryService,
    private readonly optOuts: OptOutService,
  ) {}

  /**
   * Delivery reports of messages (SMS, WhatsApp) and calls: 204 whether or
   * not the message is known (unknown ids are acknowledged and ignored).
   */
  @Post('status')
  @HttpCode(204)
  async status(@Body() form: TwilioForm): Promise<void> {
    const sid = field(form, 'MessageSid') ?? field(form, 'SmsSid') ?? field(form, 'CallSid');
    const status = field(form, 'MessageStatus') ?? field(form, 'SmsStatus') ?? field(form, 'CallStatus');
    if (!sid || !status) return;
    // Twilio reports a negative number for money spent; only a US-dollar price corrects the estimate.
    const given = field(form, 'Price') ?? '';
    const price = /^-?\d+(\.\d+)?$/.test(given) ? Math.abs(Number(given)) : undefined;
    const usd = (field(form, 'PriceUnit') ?? '').toUpperCase() === 'USD' ? price : undefined;
    const errorCode = field(form, 'ErrorCode');
    const lower = status.toLowerCase();
    await this.delivery.report({
      provider: 'TWILIO',
      messageId: sid,
      status: Object.hasOwn(TWILIO_STATUS, lower) ? TWILIO_STATUS[lower] : undefined,
      errorCode,
      priceUsd: usd,
      unreached: errorCode !== undefined && UNREACHED.has(errorCode),
    });
  }

  /** Inbound SMS: STOP/START/HELP keywords; the answer is TwiML. */
  @Post('inbound')
  @HttpCode(200)
  @Header('Content-Type', 'text/xml')
  async inbound(@Body() form: TwilioForm): Promise<string> {
    const reply = await this.optOuts.handleInbound('TWILIO', field(form, 'From'), field(form, 'Body'));
    const twiml = new twilio.twiml.MessagingResponse();
    if (reply) twiml.message(reply);
    return twiml.toString();
  }
}
