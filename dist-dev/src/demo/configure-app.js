"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.httpAdapterFor = httpAdapterFor;
exports.configureApp = configureApp;
exports.opsRequestListener = opsRequestListener;
const core_1 = require("@nestjs/core");
const platform_express_1 = require("@nestjs/platform-express");
const swagger_1 = require("@nestjs/swagger");
const nestjs_pino_1 = require("nestjs-pino");
const mfa_exception_filter_1 = require("../common/mfa-exception.filter");
const mfa_config_1 = require("../config/mfa-config");
const express_1 = require("../http/express");
const fastify_1 = require("../http/fastify");
const shutdown_drain_service_1 = require("../ops/shutdown-drain.service");
const logging_1 = require("./logging");
function httpAdapterFor(name, config) {
    if (name === 'express')
        return new platform_express_1.ExpressAdapter();
    return (0, fastify_1.mfaFastifyAdapter)({ trustProxy: config.trustProxy, genReqId: logging_1.requestIdOf });
}
function configureApp(app) {
    const config = app.get(mfa_config_1.MFA_CONFIG);
    app.use(app.get(shutdown_drain_service_1.ShutdownDrain).middleware);
    const pino = app.get(nestjs_pino_1.Logger, { strict: false });
    if (pino)
        app.useLogger(pino);
    if (app.getHttpAdapter().getType() === 'fastify')
        (0, fastify_1.setUpFastify)(app);
    else
        (0, express_1.setUpExpress)(app, config);
    app.useGlobalFilters(new mfa_exception_filter_1.MfaExceptionFilter(app.get(core_1.HttpAdapterHost)));
    app.enableShutdownHooks();
    if (!config.docsEnabled)
        return app;
    const document = swagger_1.SwaggerModule.createDocument(app, new swagger_1.DocumentBuilder()
        .setTitle('SMS backup MFA')
        .setDescription('SMS one-time codes as a backup second factor. Errors: { statusCode, code, message }.')
        .addBearerAuth()
        .build());
    swagger_1.SwaggerModule.setup('docs', app, document);
    return app;
}
function opsRequestListener(app) {
    const adapter = app.getHttpAdapter();
    if (adapter.getType() === 'fastify') {
        const fastify = app.getHttpAdapter().getInstance();
        return (req, res) => fastify.routing(req, res);
    }
    return adapter.getInstance();
}
//# sourceMappingURL=configure-app.js.map