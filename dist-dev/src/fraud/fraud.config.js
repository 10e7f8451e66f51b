"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.FRAUD_CONFIG_KEYS = exports.FRAUD_CONFIG = void 0;
exports.FRAUD_CONFIG = Symbol('FRAUD_CONFIG');
exports.FRAUD_CONFIG_KEYS = [
    'fraudMode',
    'fraudDisabledRules',
    'fraudMaxNumbersPerUser',
    'fraudMaxNumbersPerIp',
    'fraudVelocityFactor',
    'fraudVelocityMinSends',
    'fraudMinConversionPercent',
    'fraudConversionMinSends',
    'fraudMinAccounts',
    'fraudWarmupSends',
    'fraudConversionSettleMinutes',
    'nodeEnv',
    'mockSmsEnabled',
    'twilioEnabled',
    'awsSnsEnabled',
    'awsEumEnabled',
    'testNumbers',
];
//# sourceMappingURL=fraud.config.js.map