"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.PHONE_CONFIG_KEYS = exports.PHONE_CONFIG = void 0;
exports.PHONE_CONFIG = Symbol('PHONE_CONFIG');
exports.PHONE_CONFIG_KEYS = ['allowedCountries', 'blockedCountries'];
//# sourceMappingURL=phone.config.js.map