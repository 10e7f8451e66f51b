"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.CHALLENGES_CONFIG_KEYS = exports.CHALLENGES_CONFIG = void 0;
exports.CHALLENGES_CONFIG = Symbol('CHALLENGES_CONFIG');
exports.CHALLENGES_CONFIG_KEYS = [
    'codeLength',
    'codeSecret',
    'codeValidityMinutes',
    'maxAttempts',
    'verifyFailureThreshold',
    'verifyFailureHardLimit',
    'cooldownMinutes',
    'hourlyLimit',
    'dailyLimit',
    'ipHourlyLimit',
    'progressiveCooldown',
    'cooldownMaxMinutes',
    'enrollNumberHourlyLimit',
    'enrollNumberDailyLimit',
    'enrollNumberTotalHourlyLimit',
    'enrollNumberTotalDailyLimit',
];
//# sourceMappingURL=challenges.config.js.map