"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.TEST_JWT_SECRET = void 0;
exports.startTestApp = startTestApp;
exports.lastCode = lastCode;
exports.enrollVerified = enrollVerified;
exports.useTestApp = useTestApp;
exports.initApp = initApp;
const testing_1 = require("@nestjs/testing");
const supertest_1 = __importDefault(require("supertest"));
const node_test_1 = require("node:test");
const clock_1 = require("../../src/common/clock");
const mfa_config_1 = require("../../src/config/mfa-config");
const configure_app_1 = require("../../src/demo/configure-app");
const demo_app_module_1 = require("../../src/demo/demo-app.module");
const demo_auth_1 = require("../../src/demo/demo-auth");
const mock_sms_provider_1 = require("../../src/sms/providers/mock/mock-sms.provider");
const capturing_logger_1 = require("./capturing-logger");
const clock_2 = require("./clock");
const database_1 = require("./database");
exports.TEST_JWT_SECRET = 'test-secret-test-secret-test-secret-0123';
const TEST_TRAFFIC = {
    nodeEnv: 'test',
    mockSmsEnabled: true,
    adminRequiresMfa: false,
    ipHourlyLimit: 100_000,
    httpThrottlePerMinute: 1_000_000,
    fraudMaxNumbersPerIp: 100_000,
    fraudVelocityMinSends: 100_000,
    fraudConversionMinSends: 100_000,
    providers: { MOCK: { maxPerMinute: 1_000_000, maxPerHour: 1_000_000, maxPerDay: 1_000_000 } },
};
const processLogs = new capturing_logger_1.CapturingLogger();
delete process.env.REDIS_URL;
async function startTestApp(databaseUrl, config = {}) {
    const clock = new clock_2.FakeClock();
    const logs = processLogs;
    const moduleRef = await testing_1.Test.createTestingModule({
        imports: [
            demo_app_module_1.DemoAppModule.register({ databaseUrl, authJwtSecret: exports.TEST_JWT_SECRET, databasePoolSize: 10, logLevel: 'debug', ...TEST_TRAFFIC, ...config }, logs),
        ],
    })
        .overrideProvider(clock_1.Clock)
        .useValue(clock)
        .setLogger(logs)
        .compile();
    const loaded = moduleRef.get(mfa_config_1.MFA_CONFIG);
    const app = moduleRef.createNestApplication((0, configure_app_1.httpAdapterFor)(loaded.httpAdapter, loaded), { bodyParser: false, logger: logs });
    (0, configure_app_1.configureApp)(app);
    await initApp(app);
    const auth = app.get(demo_auth_1.DemoAuth);
    return {
        app,
        http: (0, supertest_1.default)(app.getHttpServer()),
        clock,
        outbox: app.get(mock_sms_provider_1.MockSmsProvider),
        logs,
        token: (userId, roles = [], sessionId = `session-of-${userId}`) => auth.issueToken(userId, roles, 12 * 3600, sessionId),
        close: () => app.close(),
    };
}
function lastCode(t, e164) {
    const body = t.outbox.lastMessageTo(e164)?.body;
    const code = body?.match(/\b(\d{4,10})\b/)?.[1];
    if (!code)
        throw new Error('no code in the outbox for that number');
    return code;
}
async function enrollVerified(t, userId, phone) {
    const auth = { Authorization: `Bearer ${t.token(userId)}` };
    const enrolled = await t.http.post('/mfa/sms/enroll').set(auth).send({ phoneNumber: phone }).expect(202);
    await t.http.post('/mfa/sms/enroll/verify').set(auth).send({ code: lastCode(t, phone) }).expect(200);
    return enrolled.body.factorId;
}
function useTestApp(config = {}, setUp) {
    const fixture = {};
    (0, node_test_1.before)(async () => {
        fixture.db = await (0, database_1.createTestDatabase)();
        fixture.t = await startTestApp(fixture.db.url, config);
        await setUp?.(fixture.t);
    });
    (0, node_test_1.after)(async () => {
        await fixture.t?.close();
        await fixture.db?.drop();
    });
    return fixture;
}
async function initApp(app) {
    await app.init();
    if (app.getHttpAdapter().getType() === 'fastify')
        await app.getHttpAdapter().getInstance().ready();
}
//# sourceMappingURL=app.js.map