"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.RATE_LIMIT_CONFIG_KEYS = exports.RATE_LIMIT_CONFIG = void 0;
exports.RATE_LIMIT_CONFIG = Symbol('RATE_LIMIT_CONFIG');
exports.RATE_LIMIT_CONFIG_KEYS = ['ipv6SubnetPrefix', 'httpThrottlePerMinute', 'redisUrl'];
//# sourceMappingURL=rate-limit.config.js.map