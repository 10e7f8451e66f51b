"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.requestIdOf = requestIdOf;
exports.demoLoggerModule = demoLoggerModule;
const node_crypto_1 = require("node:crypto");
const common_1 = require("@nestjs/common");
const nestjs_pino_1 = require("nestjs-pino");
const mfa_config_1 = require("../config/mfa-config");
const mask_1 = require("../phone/mask");
const E164 = /\+[1-9]\d{6,14}\b/g;
const scrub = (value) => (typeof value === 'string' ? value.replace(E164, (n) => (0, mask_1.maskPhone)(n)) : value);
const REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;
const QUIET_PATHS = new Set(['/health/live', '/metrics']);
function requestIdOf(req) {
    const given = req.headers['x-request-id'];
    return typeof given === 'string' && REQUEST_ID.test(given) ? given : (0, node_crypto_1.randomUUID)();
}
function demoLoggerModule(destination) {
    return nestjs_pino_1.LoggerModule.forRootAsync({
        inject: [mfa_config_1.MFA_CONFIG],
        useFactory: (config) => ({
            forRoutes: [{ path: '/{*splat}', method: common_1.RequestMethod.ALL }],
            pinoHttp: {
                level: config.logLevel,
                ...(destination
                    ? { stream: destination }
                    : config.production
                        ? {}
                        : { transport: { target: 'pino-pretty', options: { singleLine: true, translateTime: 'SYS:HH:MM:ss.l' } } }),
                genReqId: (req, res) => {
                    const id = requestIdOf(req);
                    res.setHeader('X-Request-Id', id);
                    return id;
                },
                redact: {
                    paths: ['req.headers.authorization', 'req.headers.cookie', 'req.headers["x-twilio-signature"]', 'res.headers["set-cookie"]'],
                    censor: '[redacted]',
                },
                serializers: {
                    req: (req) => ({
                        id: req.id,
                        method: req.method,
                        url: String(req.url).split('?')[0],
                        headers: { authorization: req.headers.authorization, 'user-agent': req.headers['user-agent'] },
                    }),
                },
                hooks: {
                    logMethod(args, method) {
                        method.apply(this, args.map(scrub));
                    },
                },
                autoLogging: {
                    ignore: (req) => QUIET_PATHS.has((req.originalUrl ?? req.url ?? '').split('?')[0]),
                },
            },
        }),
    });
}
//# sourceMappingURL=logging.js.map