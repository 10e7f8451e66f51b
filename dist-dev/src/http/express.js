"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.setUpExpress = setUpExpress;
const express_1 = require("express");
const body_limits_1 = require("./body-limits");
function setUpExpress(app, options) {
    const express = app;
    express.set('trust proxy', options.trustProxy);
    express.disable('x-powered-by');
    express.use(body_limits_1.SNS_EVENTS_PATH, (0, express_1.text)({ type: 'text/plain', limit: body_limits_1.SNS_BODY_LIMIT_BYTES }));
    express.useBodyParser('json', { limit: body_limits_1.BODY_LIMIT_BYTES });
    express.useBodyParser('urlencoded', { limit: body_limits_1.BODY_LIMIT_BYTES, extended: false });
    express.useBodyParser('text', { limit: body_limits_1.BODY_LIMIT_BYTES, type: 'text/plain' });
}
//# sourceMappingURL=express.js.map