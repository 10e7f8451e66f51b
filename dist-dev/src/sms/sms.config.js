"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.SMS_CONFIG_KEYS = exports.SMS_CONFIG = void 0;
exports.SMS_CONFIG = Symbol('SMS_CONFIG');
exports.SMS_CONFIG_KEYS = [
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
];
//# sourceMappingURL=sms.config.js.map