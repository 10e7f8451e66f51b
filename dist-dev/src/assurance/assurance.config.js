"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.ASSURANCE_CONFIG_KEYS = exports.ASSURANCE_CONFIG = void 0;
exports.ASSURANCE_CONFIG = Symbol('ASSURANCE_CONFIG');
exports.ASSURANCE_CONFIG_KEYS = ['assuranceMaxAgeMinutes', 'stepUpMaxAgeMinutes', 'adminRequiresMfa'];
//# sourceMappingURL=assurance.config.js.map