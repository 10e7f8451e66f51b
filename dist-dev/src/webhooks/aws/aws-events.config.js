"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.AWS_EVENTS_CONFIG_KEYS = exports.AWS_EVENTS_CONFIG = void 0;
exports.AWS_EVENTS_CONFIG = Symbol('AWS_EVENTS_CONFIG');
exports.AWS_EVENTS_CONFIG_KEYS = ['awsEumEnabled', 'awsSnsCertUrlPattern', 'awsSnsTopicArns', 'providerTimeoutMs'];
//# sourceMappingURL=aws-events.config.js.map