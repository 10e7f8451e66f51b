"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.OPS_CONFIG_KEYS = exports.OPS_CONFIG = void 0;
exports.OPS_CONFIG = Symbol('OPS_CONFIG');
exports.OPS_CONFIG_KEYS = [
    'cleanupIntervalMinutes',
    'challengeGraceHours',
    'sendLogRetentionDays',
    'fraudEventRetentionDays',
    'cleanupBatchSize',
    'alertIntervalSeconds',
    'alertWindowMinutes',
    'alertWebhookUrl',
    'alertFailureRatePercent',
    'alertMinAttempts',
    'alertRateLimitedPerWindow',
    'alertFraudTriggersPerWindow',
    'alertDeliverySeconds',
    'dailySpendLimitUsd',
    'countryDailySpendLimitUsd',
    'providerTimeoutMs',
    'providers',
    'shutdownDrainMs',
    'opsPort',
    'opsToken',
    'production',
    'smsEnabled',
];
//# sourceMappingURL=ops.config.js.map