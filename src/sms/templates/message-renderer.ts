import { Inject, Injectable } from '@nestjs/common';
import { SMS_CONFIG, type SmsConfig } from '../sms.config';
import { BUILT_IN_TEMPLATES, DEFAULT_LOCALE } from './catalog';
import { negotiateLocale } from './locale';
import { SmsEncoding, smsSize } from './sms-encoding';

export interface RenderedMessage {
  body: string;
  locale: string;
  encoding: SmsEncoding;
  segments: number;
}

/**
 * Renders the code message in the best locale: host templates win over the
 * built-in ones; {app}, {code} and {minutes} are filled in; with
 * SMS_WEBOTP_DOMAIN the last line is "@domain #code" (WebOTP, SMS Retriever).
 */
@Injectable()
export class MessageRenderer {
  private readonly templates: Record<string, string>;

  constructor(@Inject(SMS_CONFIG) private readonly config: SmsConfig) {
    this.templates = { ...BUILT_IN_TEMPLATES, ...config.templates };
  }

  get locales(): string[] {
    return Object.keys(this.templates);
  }

  /** Segments of the message a code of the configured length makes, before the code exists (for cost estimates). */
  segmentsFor(preferences: (string | undefined)[] = []): number {
    return this.render('0'.repeat(this.config.codeLength), preferences).segments;
  }

  /** `preferences`: tags or Accept-Language values, most authoritative first. */
  render(code: string, preferences: (string | undefined)[] = []): RenderedMessage {
    const locale = negotiateLocale(preferences, this.locales, DEFAULT_LOCALE);
    const values: Record<string, string> = {
      app: this.config.appName,
      code,
      minutes: String(this.config.codeValidityMinutes),
    };
    let body = this.templates[locale].replace(/\{(app|code|minutes)\}/g, (_, key: string) => values[key]);
    if (this.config.webOtpDomain) body += `\n\n@${this.config.webOtpDomain} #${code}`;
    return { body, locale, ...smsSize(body) };
  }
}
