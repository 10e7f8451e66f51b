import { CanActivate, ExecutionContext, Inject, Injectable, Logger } from '@nestjs/common';
import { header, type MfaHttpRequest } from '../common/http-request';
import twilio from 'twilio';
import { MfaError } from '../common/mfa-error';
import { TWILIO_CONFIG, type TwilioConfig } from '../sms/providers/twilio/twilio.config';
import { INBOUND_PATH, publicUrl, STATUS_CALLBACK_PATH } from '../sms/providers/twilio/twilio-urls';

const WEBHOOK_PATHS = [STATUS_CALLBACK_PATH, INBOUND_PATH];

/**
 * Checks X-Twilio-Signature with the SDK's validator against PUBLIC_BASE_URL
 * + the request's path and query (the URL Twilio was given), so a proxy in
 * front does not matter. The request target must be in origin form and name
 * a webhook path exactly: an absolute-form target (`POST https://staging…/…`)
 * would otherwise choose the URL that is checked, and a path in other case
 * (which the router accepts) would be a URL Twilio never signed for us — so a
 * request signed for another deployment on the same account never replays here.
 */
@Injectable()
export class TwilioSignatureGuard implements CanActivate {
  private readonly logger = new Logger('TwilioWebhooks');

  constructor(@Inject(TWILIO_CONFIG) private readonly config: TwilioConfig) {}

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<MfaHttpRequest>();
    const signature = header(request, 'x-twilio-signature');
    const { twilioAuthToken, publicBaseUrl } = this.config;
    if (!twilioAuthToken || !publicBaseUrl) {
      this.logger.warn('Twilio webhook refused: TWILIO_AUTH_TOKEN and PUBLIC_BASE_URL are needed to check signatures');
      throw new MfaError('FORBIDDEN', 'Webhook signatures cannot be checked: not configured.');
    }
    const target = request.originalUrl;
    const path = target.split('?')[0];
    if (!target.startsWith('/') || !WEBHOOK_PATHS.includes(path)) {
      throw new MfaError('FORBIDDEN', 'Invalid webhook request target.');
    }
    const params = typeof request.body === 'object' && request.body !== null ? request.body : {};
    const url = publicUrl(this.config, target);
    if (!signature || !twilio.validateRequest(twilioAuthToken, signature, url, params)) {
      throw new MfaError('FORBIDDEN', 'Invalid webhook signature.');
    }
    return true;
  }
}
