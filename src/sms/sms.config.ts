import type { MfaConfig } from '../config/mfa-config';

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
] as const;
export type SmsConfig = Pick<MfaConfig, (typeof SMS_CONFIG_KEYS)[number]>;
