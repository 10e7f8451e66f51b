import type { ChallengeSettings } from '../challenges/challenges.config';
import { CHANNELS, type Channel } from '../common/channel';
import type { CoreSettings } from '../config/core.settings';
import { bool, decimal, subsetOf, templateMap, text } from '../config/env-rules';
import { defineSettings } from '../config/settings';
import type { FraudSettings } from '../fraud/fraud.config';
import type { PhoneSettings } from '../phone/phone.config';
import type { MockSettings } from './providers/mock/mock.config';
import type { ProviderSettings } from './providers/providers.config';

/** What a send says, over which channels, and what it may cost. */
export interface SmsSettings {
  smsEnabled: boolean;
  appName: string;
  /** Host-supplied message templates by locale ({code}, {minutes}, {app}); they win over the built-in ones. */
  templates: Record<string, string>;
  webOtpDomain?: string;
  /** The 11-character SMS Retriever hash of the host's Android app, added to the end of SMS bodies. */
  androidAppHash?: string;
  /** The delivery channels users may choose (sms, voice, whatsapp). */
  channels: Channel[];
  /** When no SMS provider takes a message, or a report says it did not reach the handset while its code lives: a code by voice. */
  voiceFallback: boolean;
  /** A JSON price table (US dollars per segment, by country and provider) replacing the shipped one. */
  priceTableFile?: string;
  /** Spend caps per UTC day, shared by every instance: all destinations, and each country. */
  dailySpendLimitUsd?: number;
  countryDailySpendLimitUsd?: number;
}

export const SMS_SETTINGS = defineSettings<SmsSettings>({
  title: 'Messages, channels and spend',
  fields: {
    smsEnabled: { env: 'SMS_BACKUP_ENABLED', rule: bool(), default: true, doc: 'master switch; false → `SMS_DISABLED`' },
    appName: {
      env: 'SMS_APP_NAME',
      rule: text(/^.{1,40}$/, 'a name of 1 to 40 characters'),
      default: 'Haven Health',
      doc: 'the name in messages (and in TOTP apps)',
    },
    templates: {
      env: 'SMS_TEMPLATES_JSON',
      rule: templateMap(),
      default: {},
      doc: 'message templates by locale, e.g. `{"en":"{app}: {code}"}`; they win over the built-in ones',
    },
    webOtpDomain: {
      env: 'SMS_WEBOTP_DOMAIN',
      rule: text(/^(?=.{1,253}$)([a-z0-9-]+\.)+[a-z]{2,}$/i, 'a bare domain name such as example.org'),
      doc: 'adds the line `@domain #code` (WebOTP / SMS Retriever)',
    },
    androidAppHash: {
      env: 'SMS_ANDROID_APP_HASH',
      rule: text(/^[A-Za-z0-9+/]{11}$/, 'the 11-character SMS Retriever hash of the Android app'),
      doc: "the 11-character SMS Retriever hash of your Android app: it ends every SMS (after the WebOTP line's code when there is one)",
    },
    channels: {
      env: 'SMS_CHANNELS',
      rule: subsetOf<Channel>(...CHANNELS),
      default: ['sms'],
      doc: 'the channels users may ask for. Each needs an enabled provider that serves it (checked at start-up)',
    },
    voiceFallback: {
      env: 'SMS_VOICE_FALLBACK',
      rule: bool(),
      default: false,
      doc: 'when no SMS (or WhatsApp) provider could take a code, or a report says it did not reach the handset while it lives, a code goes by voice; needs a provider that serves voice',
    },
    priceTableFile: {
      env: 'SMS_PRICE_TABLE_FILE',
      rule: text(),
      defaultDoc: 'the shipped table',
      doc: 'JSON price table, US dollars per segment: `{ "default": { "TWILIO": 0.0083 }, "UZ": { "TWILIO": 0.2497 } }`',
    },
    dailySpendLimitUsd: {
      env: 'SMS_DAILY_SPEND_LIMIT_USD',
      rule: decimal(0.01, 10_000_000),
      doc: 'spend cap per UTC day over all destinations, shared by every instance',
    },
    countryDailySpendLimitUsd: {
      env: 'SMS_COUNTRY_DAILY_SPEND_LIMIT_USD',
      rule: decimal(0.01, 10_000_000),
      doc: 'spend cap per UTC day for each country, shared by every instance',
    },
  },
});

/** The settings the sms feature reads: its slice of the configuration (provided with configSlice). */
export const SMS_CONFIG = Symbol('SMS_CONFIG');
export const SMS_CONFIG_KEYS = [
  'circuitFailureThreshold',
  'circuitHalfOpenMs',
  'providerTimeoutMs',
  'providers',
  'routing',
  'ipv6SubnetPrefix',
  'maxPriceUsd',
  'dailySpendLimitUsd',
  'countryDailySpendLimitUsd',
  'priceTableFile',
  'appName',
  'codeLength',
  'codeValidityMinutes',
  'templates',
  'webOtpDomain',
  'androidAppHash',
  'channels',
  'voiceFallback',
  'mockSmsEnabled',
  'production',
  'testNumbers',
  'testNumbersValidUntil',
  'fraudUnprovenPrefixHourlyUsd',
  'fraudUnprovenCountryHourlyUsd',
] as const;
export type SmsConfig = Pick<
  SmsSettings & ProviderSettings & MockSettings & CoreSettings & ChallengeSettings & PhoneSettings & FraudSettings,
  (typeof SMS_CONFIG_KEYS)[number]
>;
