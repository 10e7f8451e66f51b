import { Inject, Injectable, Logger } from '@nestjs/common';
import type { VoiceScript } from '../providers/sms-provider';
import type { Channel } from '../../common/channel';
import { SMS_CONFIG, type SmsConfig } from '../sms.config';
import { BUILT_IN_TEMPLATES, DEFAULT_LOCALE } from './catalog';
import { negotiateLocale } from './locale';
import { SmsEncoding, smsSize } from './sms-encoding';
import { spokenText, VOICE_FALLBACK_LOCALE, VOICE_PHRASES, voiceScript } from './voice-scripts';

export interface RenderedMessage {
  /** sms and whatsapp: the text; voice: the script as plain text. */
  body: string;
  locale: string;
  /** How the text travels (voice: 'voice'; a call counts as one unit). */
  encoding: SmsEncoding | 'voice';
  segments: number;
  /** voice: the script in the locale and in English. */
  voice?: { script: VoiceScript; english: VoiceScript };
}

/** The languages calls are spoken in. */
const VOICE_LOCALES = Object.keys(VOICE_PHRASES);

/** Where a sentence ends, in the catalogue's scripts. */
const SENTENCE_END_CHARS = '.።。';
const SENTENCE_END = new RegExp(`[${SENTENCE_END_CHARS}]`);

/**
 * Renders the code message in the best locale: host templates win over the
 * built-in ones; {app}, {code} and {minutes} are filled in. With
 * SMS_WEBOTP_DOMAIN the last line is "@domain #code" (WebOTP); with
 * SMS_ANDROID_APP_HASH the message ends with the app's 11-character hash (SMS
 * Retriever), on that line when there is one ("@domain #code HASH": WebOTP
 * ignores what follows a space). When those lines would make a second
 * segment, the message drops its expiry sentence, then if need be its
 * warning: one segment costs half of two.
 */
@Injectable()
export class MessageRenderer {
  private readonly logger = new Logger('MessageRenderer');
  private readonly templates: Record<string, string>;
  /** Per locale, the shorter forms a message falls back to when its footer would make a second segment. */
  private readonly shorterForms: Record<string, string[]>;
  readonly locales: string[];
  /** Per locale, the units a message with a code of the configured length takes (fixed at start-up: for cost estimates). */
  private readonly segmentsByLocale: Record<string, number>;

  constructor(@Inject(SMS_CONFIG) private readonly config: SmsConfig) {
    this.templates = { ...BUILT_IN_TEMPLATES, ...config.templates };
    this.locales = Object.keys(this.templates);
    this.shorterForms = Object.fromEntries(
      Object.entries(this.templates).map(([locale, t]) => [locale, [withoutSentenceOf(t, '{minutes}'), firstSentence(t)]]),
    );
    this.segmentsByLocale = Object.fromEntries(this.locales.map((l) => [l, this.renderSms('0'.repeat(config.codeLength), l).segments]));
    const long = this.locales.filter((l) => this.segmentsByLocale[l] > 1);
    if (long.length) {
      this.logger.warn(`messages in ${long.join(', ')} take more than one segment with this app name, code length and domain`);
    }
  }

  /** Units of a message a code of the configured length makes, before the code exists (for cost estimates). */
  segmentsIn(locale: string, channel: Channel = 'sms'): number {
    return channel === 'voice' ? 1 : this.segmentsByLocale[locale];
  }

  /** The locale a message on this channel is rendered in (recorded with its challenge). */
  localeFor(channel: Channel, preferences: (string | undefined)[]): string {
    return channel === 'voice'
      ? negotiateLocale(preferences, VOICE_LOCALES, VOICE_FALLBACK_LOCALE)
      : negotiateLocale(preferences, this.locales, DEFAULT_LOCALE);
  }

  /** The message for a channel: the SMS text (WhatsApp sends the same words through its approved template), or a call's script. */
  renderFor(channel: Channel, code: string, preferences: (string | undefined)[] = []): RenderedMessage {
    return this.renderIn(channel, code, this.localeFor(channel, preferences));
  }

  /** The message for a channel in a locale already decided (localeFor). */
  renderIn(channel: Channel, code: string, locale: string): RenderedMessage {
    return channel === 'voice' ? this.renderVoice(code, locale) : this.renderSms(code, locale);
  }

  /** `preferences`: tags or Accept-Language values, most authoritative first. */
  render(code: string, preferences: (string | undefined)[] = []): RenderedMessage {
    return this.renderSms(code, this.localeFor('sms', preferences));
  }

  private renderSms(code: string, locale: string): RenderedMessage {
    const footer = this.footer(code);
    let body = this.fill(this.templates[locale], code) + footer;
    let size = smsSize(body);
    // Too long with the footer: drop the expiry sentence, then (if still too long) the warning.
    for (const shorter of footer ? this.shorterForms[locale] : []) {
      if (size.segments === 1) break;
      body = this.fill(shorter, code) + footer;
      size = smsSize(body);
    }
    return { body, locale, ...size };
  }

  /** A call: the digits one by one, said twice, in the user's language where the voices speak it (English otherwise). */
  private renderVoice(code: string, locale: string): RenderedMessage {
    const script = voiceScript(locale, this.config.appName, code);
    const english = locale === VOICE_FALLBACK_LOCALE ? script : voiceScript(VOICE_FALLBACK_LOCALE, this.config.appName, code);
    return { body: spokenText(script), locale, encoding: 'voice', segments: 1, voice: { script, english } };
  }

  private fill(template: string, code: string): string {
    const values: Record<string, string> = {
      app: this.config.appName,
      code,
      minutes: String(this.config.codeValidityMinutes),
    };
    return template.replace(/\{(app|code|minutes)\}/g, (_, key: string) => values[key]);
  }

  /** The lines a phone reads the code from: "@domain #code" (WebOTP) and the SMS Retriever hash. */
  private footer(code: string): string {
    const { webOtpDomain, androidAppHash } = this.config;
    if (webOtpDomain) return `\n\n@${webOtpDomain} #${code}${androidAppHash ? ` ${androidAppHash}` : ''}`;
    return androidAppHash ? `\n\n${androidAppHash}` : '';
  }
}

/** A template without the sentence that holds `placeholder` (the whole template when there is none). */
function withoutSentenceOf(template: string, placeholder: string): string {
  const at = template.indexOf(placeholder);
  if (at < 0) return template;
  const before = template.slice(0, at);
  const start = Math.max(...[...SENTENCE_END_CHARS].map((c) => before.lastIndexOf(c))) + 1;
  const rest = template.slice(at);
  const end = rest.search(SENTENCE_END);
  return end < 0 ? template : (template.slice(0, start) + template.slice(at + end + 1)).replace(/\s{2,}/g, ' ');
}

/** A template up to the end of the sentence that holds the code (the whole template when there is none). */
function firstSentence(template: string): string {
  const after = template.indexOf('{code}');
  const end = template.slice(after).search(SENTENCE_END);
  return end < 0 ? template : template.slice(0, after + end + 1);
}
