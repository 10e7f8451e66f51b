import { Inject, Injectable } from '@nestjs/common';
import { MFA_CONFIG, type MfaConfig } from '../../config/mfa-config';

export interface RenderedMessage {
  body: string;
}

/**
 * Renders the SMS text. Short and carrier-friendly: app name first, the code,
 * its lifetime, a warning against sharing, and the WebOTP line when configured.
 */
@Injectable()
export class MessageRenderer {
  constructor(@Inject(MFA_CONFIG) private readonly config: MfaConfig) {}

  render(code: string): RenderedMessage {
    const { appName, codeValidityMinutes, webOtpDomain } = this.config;
    let body = `${appName}: your code is ${code}. It expires in ${codeValidityMinutes} min. Never share it.`;
    if (webOtpDomain) body += `\n\n@${webOtpDomain} #${code}`;
    return { body };
  }
}
