import type { MfaConfig } from '../config/mfa-config';
export declare const SMS_CONFIG: unique symbol;
export declare const SMS_CONFIG_KEYS: readonly ["circuitFailureThreshold", "circuitHalfOpenMs", "providerTimeoutMs", "providers", "routing", "ipv6SubnetPrefix", "maxPriceUsd", "dailySpendLimitUsd", "countryDailySpendLimitUsd", "priceTableFile", "appName", "codeLength", "codeValidityMinutes", "templates", "webOtpDomain", "androidAppHash", "channels", "voiceFallback", "mockSmsEnabled", "production", "testNumbers", "testNumbersValidUntil"];
export type SmsConfig = Pick<MfaConfig, (typeof SMS_CONFIG_KEYS)[number]>;
