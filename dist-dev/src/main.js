"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
require("reflect-metadata");
const node_http_1 = require("node:http");
const common_1 = require("@nestjs/common");
const core_1 = require("@nestjs/core");
const mfa_config_1 = require("./config/mfa-config");
const configure_app_1 = require("./demo/configure-app");
const demo_app_module_1 = require("./demo/demo-app.module");
const demo_auth_1 = require("./demo/demo-auth");
const dev_keys_1 = require("./demo/dev-keys");
const shutdown_drain_service_1 = require("./ops/shutdown-drain.service");
async function bootstrap() {
    let loaded;
    let devKeys;
    try {
        loaded = (0, mfa_config_1.loadMfaConfig)(process.env);
        devKeys = (0, dev_keys_1.keepDevKeysWithData)(process.env, loaded);
    }
    catch (err) {
        if (err instanceof mfa_config_1.ConfigError) {
            console.error(err.message);
            process.exit(1);
        }
        throw err;
    }
    const app = await core_1.NestFactory.create(demo_app_module_1.DemoAppModule.register(), (0, configure_app_1.httpAdapterFor)(loaded.httpAdapter, loaded), {
        bodyParser: false,
        bufferLogs: true,
    });
    (0, configure_app_1.configureApp)(app);
    const config = app.get(mfa_config_1.MFA_CONFIG);
    await listenOnEveryInterface(app, config);
    if (config.opsPort) {
        const ops = (0, node_http_1.createServer)((0, configure_app_1.opsRequestListener)(app));
        await new Promise((resolve) => ops.listen(config.opsPort, resolve));
        app.get(shutdown_drain_service_1.ShutdownDrain).attach(ops);
    }
    const logger = new common_1.Logger('Demo');
    const url = `http://localhost:${config.port}`;
    logger.log(`SMS MFA demo on ${url} — API docs at ${url}/docs, health at ${url}/health`);
    if (devKeys)
        logger.warn(`SMS_CODE_SECRET / MFA_ENCRYPTION_KEY not set: development keys kept with the data in ${devKeys}`);
    const auth = app.get(demo_auth_1.DemoAuth);
    if (auth.generatedSecret) {
        logger.warn('AUTH_JWT_SECRET not set: generated one for this run; the demo token (user "demo-user", 12 h) is the "export TOKEN=…" line');
        console.log(`\n  export TOKEN=${auth.issueToken('demo-user', ['admin'])}\n${walkThrough(url)}`);
    }
}
async function listenOnEveryInterface(app, config) {
    if (config.httpAdapter === 'express')
        return void (await app.listen(config.port));
    try {
        await app.listen(config.port, '::');
    }
    catch (err) {
        const code = err.code;
        if (code !== 'EAFNOSUPPORT' && code !== 'EADDRNOTAVAIL')
            throw err;
        await app.listen(config.port, '0.0.0.0');
    }
}
function walkThrough(url) {
    const curl = (args) => `curl -s ${args} -H "authorization: Bearer $TOKEN" -H 'content-type: application/json'`;
    return [
        '  Walk-through (the codes appear in this console, sent by the mock SMS provider):',
        `    ${curl(`${url}/demo/records`)}`,
        '      → 403 MFA_REQUIRED: this session has not shown a second factor',
        `    ${curl(`-X POST ${url}/mfa/sms/enroll -d '{"phoneNumber":"+1 415 555 2671"}'`)}`,
        '      → 202: a code is sent (once enrolled, later logins use POST /mfa/sms/challenge -d \'{}\')',
        `    ${curl(`-X POST ${url}/mfa/sms/enroll/verify -d '{"code":"<the code>"}'`)}`,
        '      → 200 { "aal": "aal2", ... }: this session has shown a second factor',
        `    ${curl(`${url}/demo/records`)}`,
        '      → 200: the records',
        '',
    ].join('\n');
}
void bootstrap();
//# sourceMappingURL=main.js.map