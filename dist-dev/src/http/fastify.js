"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.mfaFastifyAdapter = mfaFastifyAdapter;
exports.setUpFastify = setUpFastify;
const platform_fastify_1 = require("@nestjs/platform-fastify");
const body_limits_1 = require("./body-limits");
function mfaFastifyAdapter(options) {
    const hops = options.trustProxy;
    const adapter = new platform_fastify_1.FastifyAdapter({
        trustProxy: typeof hops === 'number' ? (_address, hop) => hop < hops : hops,
        bodyLimit: body_limits_1.BODY_LIMIT_BYTES,
        ...(options.genReqId && { genReqId: options.genReqId }),
        requestTimeout: 300_000,
        keepAliveTimeout: 5_000,
        routerOptions: { caseSensitive: false, maxParamLength: body_limits_1.MAX_PATH_PARAM_CHARS },
        frameworkErrors: (error, request, reply) => {
            const tooLong = error.code === 'FST_ERR_MAX_PARAM_LENGTH';
            const statusCode = tooLong ? 414 : 400;
            void reply
                .code(statusCode)
                .header('X-Request-Id', request.id)
                .send({
                statusCode,
                code: 'VALIDATION_FAILED',
                message: tooLong ? 'The request path is too long.' : 'The request path is not valid.',
            });
        },
    });
    adapter.getInstance().addHook('onRoute', (route) => {
        if (route.url.toLowerCase() === body_limits_1.SNS_EVENTS_PATH)
            route.bodyLimit = body_limits_1.SNS_BODY_LIMIT_BYTES;
    });
    return adapter;
}
function setUpFastify(app) {
    const fastify = app;
    fastify.useBodyParser('application/x-www-form-urlencoded');
    fastify.getHttpAdapter().getInstance().addHook('onRequest', async (request, reply) => {
        reply.header('X-Request-Id', request.id);
    });
}
//# sourceMappingURL=fastify.js.map