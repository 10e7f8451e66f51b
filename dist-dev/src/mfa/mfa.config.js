"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.MFA_FACTORS_CONFIG_KEYS = exports.MFA_FACTORS_CONFIG = void 0;
exports.MFA_FACTORS_CONFIG = Symbol('MFA_FACTORS_CONFIG');
exports.MFA_FACTORS_CONFIG_KEYS = [
    'appName',
    'encryptionKey',
    'previousEncryptionKeys',
    'totpFailureThreshold',
    'totpFailureHardLimit',
    'codeSecret',
    'verifyFailureThreshold',
    'verifyFailureHardLimit',
    'allowRemovingLastFactor',
    'smsEnabled',
    'ipv6SubnetPrefix',
    'voiceFixedLineCountries',
    'allowNonGeographic',
];
//# sourceMappingURL=mfa.config.js.map