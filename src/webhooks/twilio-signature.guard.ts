import { CanActivate, ExecutionContext, Inject, Injectable, Logger } from '@nestjs/common';
import type { Request } from 'express';
import twilio from 'twilio';
import { MfaError } from '../common/mfa-error';
import { MFA_CONFIG, type MfaConfig } from '../config/mfa-config';
import { publicUrl } from './webhook-urls';

/**
 * Checks X-Twilio-Signature with the SDK's validator against PUBLIC_BASE_URL +
 * the route path (the URL Twilio was given), so a proxy in front does not matter.
 */
@Injectable()
export class TwilioSignatureGuard implements CanActivate {
  private readonly logger = new Logger('TwilioWebhooks');

  constructor(@Inject(MFA_CONFIG) private readonly config: MfaConfig) {}

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<Request>();
    const signature = request.get('x-twilio-signature');
    const { twilioAuthToken, publicBaseUrl } = this.config;
    if (!twilioAuthToken || !publicBaseUrl) {
      this.logger.warn('Twilio webhook refused: TWILIO_AUTH_TOKEN and PUBLIC_BASE_URL are needed to check signatures');
      throw new MfaError('FORBIDDEN', 'Webhook signatures cannot be checked: not configured.');
    }
    const params = typeof request.body === 'object' && request.body !== null ? request.body : {};
    const url = publicUrl(this.config, request.originalUrl);
    if (!signature || !twilio.validateRequest(twilioAuthToken, signature, url, params)) {
      throw new MfaError('FORBIDDEN', 'Invalid webhook signature.');
    }
    return true;
  }
}
