"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.MAX_PATH_PARAM_CHARS = exports.SNS_BODY_LIMIT_BYTES = exports.SNS_EVENTS_PATH = exports.BODY_LIMIT_BYTES = void 0;
exports.BODY_LIMIT_BYTES = 16 * 1024;
exports.SNS_EVENTS_PATH = '/mfa/webhooks/aws/events';
exports.SNS_BODY_LIMIT_BYTES = 320 * 1024;
exports.MAX_PATH_PARAM_CHARS = 1024;
//# sourceMappingURL=body-limits.js.map