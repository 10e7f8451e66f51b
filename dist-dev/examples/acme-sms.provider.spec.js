"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
const strict_1 = __importDefault(require("node:assert/strict"));
const node_fs_1 = require("node:fs");
const node_http_1 = require("node:http");
const node_path_1 = require("node:path");
const node_test_1 = require("node:test");
const testing_1 = require("@nestjs/testing");
const src_1 = require("../src");
const capturing_logger_1 = require("../test/support/capturing-logger");
const database_1 = require("../test/support/database");
const acme_sms_provider_1 = require("./acme-sms.provider");
function acmeFake() {
    const received = [];
    let reply = { status: 201, body: { id: 'acme-1' } };
    const server = (0, node_http_1.createServer)((req, res) => {
        let raw = '';
        req.on('data', (c) => (raw += c));
        req.on('end', () => {
            received.push({ auth: req.headers.authorization, body: JSON.parse(raw) });
            res.writeHead(reply.status, { 'content-type': 'application/json' });
            res.end(JSON.stringify(reply.body));
        });
    });
    return { server, received, answer: (r) => (reply = r) };
}
(0, node_test_1.describe)('a host that plugs in its own SMS provider (examples/acme-sms.provider.ts)', () => {
    const acme = acmeFake();
    let db;
    let app;
    const phone = (i) => `+1415205${String(1000 + i)}`;
    (0, node_test_1.before)(async () => {
        await new Promise((resolve) => acme.server.listen(0, '127.0.0.1', resolve));
        db = await (0, database_1.createTestDatabase)();
        Object.assign(process.env, {
            ACME_BASE_URL: `http://127.0.0.1:${acme.server.address().port}`,
            ACME_API_KEY: 'acme-key',
            MFA_DATABASE_URL: db.url,
        });
        const moduleRef = await testing_1.Test.createTestingModule({ imports: [acme_sms_provider_1.OwnProviderHostModule] })
            .setLogger(new capturing_logger_1.CapturingLogger())
            .compile();
        app = moduleRef.createNestApplication({ logger: new capturing_logger_1.CapturingLogger() });
        await app.init();
    });
    (0, node_test_1.after)(async () => {
        await app?.close();
        await db?.drop();
        acme.server.close();
        for (const name of ['ACME_BASE_URL', 'ACME_API_KEY', 'MFA_DATABASE_URL'])
            delete process.env[name];
    });
    (0, node_test_1.it)('sends through the adapter, with the code lifetime, and logs the attempt under its name', async () => {
        const sent = await app.get(src_1.MfaService).enrollSms({ id: 'acme-user' }, phone(1));
        strict_1.default.equal(acme.received.length, 1);
        strict_1.default.deepEqual([acme.received[0].auth, acme.received[0].body.to], ['Bearer acme-key', phone(1)]);
        strict_1.default.ok(acme.received[0].body.ttl > 590 && acme.received[0].body.ttl <= 600, 'the remaining lifetime of the code');
        const [row] = await (0, database_1.withClient)(db.url, async (c) => (await c.query(`SELECT provider, provider_message_id FROM sms_send_log WHERE challenge_id = $1`, [sent.challengeId])).rows);
        strict_1.default.deepEqual(row, { provider: 'ACME', provider_message_id: 'acme-1' });
    });
    (0, node_test_1.it)("classifies the adapter's failures: the number's error stops, an outage is 503 with nothing else to try", async () => {
        const mfa = app.get(src_1.MfaService);
        acme.answer({ status: 400, body: { error: { code: 'invalid_number' } } });
        await strict_1.default.rejects(mfa.enrollSms({ id: 'acme-2' }, phone(2)), { code: 'INVALID_PHONE' });
        acme.answer({ status: 503, body: {} });
        await strict_1.default.rejects(mfa.enrollSms({ id: 'acme-3' }, phone(3)), { code: 'PROVIDERS_UNAVAILABLE' });
    });
    (0, node_test_1.it)('is the example the README shows', () => {
        const root = (0, node_path_1.join)(__dirname, '..', '..');
        const readme = (0, node_fs_1.readFileSync)((0, node_path_1.join)(root, 'README.md'), 'utf8');
        const example = (0, node_fs_1.readFileSync)((0, node_path_1.join)(root, 'examples', 'acme-sms.provider.ts'), 'utf8').replaceAll("from '../src';", "from 'nest-sms-mfa';");
        strict_1.default.ok(readme.includes(example), 'README embeds examples/acme-sms.provider.ts');
    });
});
//# sourceMappingURL=acme-sms.provider.spec.js.map