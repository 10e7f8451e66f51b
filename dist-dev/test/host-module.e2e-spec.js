"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
const strict_1 = __importDefault(require("node:assert/strict"));
const node_fs_1 = require("node:fs");
const node_path_1 = require("node:path");
const node_test_1 = require("node:test");
const testing_1 = require("@nestjs/testing");
const supertest_1 = __importDefault(require("supertest"));
const host_app_module_1 = require("../examples/host-app.module");
const src_1 = require("../src");
const clock_1 = require("./support/clock");
const capturing_logger_1 = require("./support/capturing-logger");
const database_1 = require("./support/database");
(0, node_test_1.describe)('a host app embedding SmsMfaModule.forRootAsync (the README example)', () => {
    let db;
    let app;
    const clock = new clock_1.FakeClock();
    (0, node_test_1.before)(async () => {
        db = await (0, database_1.createTestDatabase)();
        process.env.MFA_DATABASE_URL = db.url;
        const moduleRef = await testing_1.Test.createTestingModule({ imports: [host_app_module_1.HostAppModule] })
            .overrideProvider(src_1.Clock)
            .useValue(clock)
            .setLogger(new capturing_logger_1.CapturingLogger())
            .compile();
        app = moduleRef.createNestApplication({ logger: new capturing_logger_1.CapturingLogger() });
        app.use((req, _res, next) => {
            req.session = { userId: req.headers['x-user'], id: req.headers['x-session'] };
            next();
        });
        await app.init();
    });
    (0, node_test_1.after)(async () => {
        await app?.close();
        delete process.env.MFA_DATABASE_URL;
        await db?.drop();
    });
    (0, node_test_1.it)('enrols, sends a backup code and verifies it through MfaService, publishing events', async () => {
        const mfa = app.get(src_1.MfaService);
        const outbox = app.get(src_1.MockSmsProvider);
        const codeTo = (phone) => outbox.lastMessageTo(phone).body.match(/\b(\d{6})\b/)[1];
        const phone = '+14152018001';
        await mfa.enrollSms({ id: 'host-user' }, phone);
        await mfa.verifySmsEnrollment({ id: 'host-user' }, codeTo(phone));
        clock.advanceMinutes(2);
        const login = app.get(host_app_module_1.BackupCodeLogin);
        const sent = await login.sendBackupCode('host-user', '198.51.100.4');
        strict_1.default.equal(sent.maskedPhone, '+1 ••• ••• 8001');
        strict_1.default.ok(sent.expiresAt > clock.now() && sent.resendAvailableAt > clock.now());
        const right = codeTo(phone);
        strict_1.default.equal(await login.checkBackupCode('host-user', 'login-1', right === '000000' ? '111111' : '000000'), false);
        strict_1.default.equal(await login.checkBackupCode('host-user', 'login-1', right), true);
        strict_1.default.equal(await login.checkBackupCode('host-user', 'login-1', right), false, 'single use');
        const audit = app.get(host_app_module_1.MfaAuditTrail).entries;
        strict_1.default.deepEqual(audit.map((e) => [e.userId, e.purpose]), [['host-user', 'enroll'], ['host-user', 'login']]);
        strict_1.default.ok(audit.every((e) => !JSON.stringify(e).includes(right)));
    });
    (0, node_test_1.it)("guards the host's own route with @RequireMfa: 401 without a user, 403 MFA_REQUIRED at aal1, 200 once the session verified", async () => {
        const records = (user, session) => (0, supertest_1.default)(app.getHttpServer()).get('/records').set({ ...(user && { 'x-user': user }), ...(session && { 'x-session': session }) });
        await records().expect(401);
        const refused = await records('host-user', 'login-2').expect(403);
        strict_1.default.equal(refused.body.code, 'MFA_REQUIRED');
        await records('host-user', 'login-1').expect(200, { owner: 'host-user', records: [] });
        const mfa = app.get(src_1.MfaService);
        strict_1.default.equal((await mfa.getAssurance({ id: 'host-user', sessionId: 'login-1' })).aal, 'aal2');
        strict_1.default.equal((await mfa.getAssurance({ id: 'host-user' })).aal, 'aal1', 'no session id: nothing remembered');
        clock.advanceMinutes(31);
        await records('host-user', 'login-1').expect(403);
        await mfa.endSession({ id: 'host-user', sessionId: 'login-1' });
        strict_1.default.equal((await mfa.getAssurance({ id: 'host-user', sessionId: 'login-1' })).aal, 'aal1');
    });
    (0, node_test_1.it)('mounts no module routes with controllers: false', async () => {
        await (0, supertest_1.default)(app.getHttpServer()).get('/mfa/factors').expect(404);
    });
    (0, node_test_1.it)('is the example the README shows', () => {
        const readme = (0, node_fs_1.readFileSync)((0, node_path_1.join)(__dirname, '..', '..', 'README.md'), 'utf8');
        const example = (0, node_fs_1.readFileSync)((0, node_path_1.join)(__dirname, '..', '..', 'examples', 'host-app.module.ts'), 'utf8');
        strict_1.default.ok(readme.includes(example.replaceAll("from '../src';", "from 'nest-sms-mfa';")), 'README embeds examples/host-app.module.ts');
    });
});
//# sourceMappingURL=host-module.e2e-spec.js.map