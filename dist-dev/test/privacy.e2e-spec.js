"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
const strict_1 = __importDefault(require("node:assert/strict"));
const node_test_1 = require("node:test");
const app_1 = require("./support/app");
(0, node_test_1.describe)('logs carry no code and no full phone number', () => {
    const fixture = (0, app_1.useTestApp)({ cooldownMinutes: 0 });
    (0, node_test_1.it)('keeps codes and numbers out of every log line but the mock outbox line', async () => {
        const { t } = fixture;
        const auth = { Authorization: `Bearer ${t.token('privacy-user')}` };
        const mobile = '+447911204538';
        const invalid = '+447700900461';
        await (0, app_1.enrollVerified)(t, 'privacy-user', mobile);
        const codes = [(0, app_1.lastCode)(t, mobile)];
        await t.http.post('/mfa/sms/challenge').set(auth).send({}).expect(202);
        codes.push((0, app_1.lastCode)(t, mobile));
        await t.http.post('/mfa/sms/verify').set(auth).send({ code: codes[1] === '123456' ? '654321' : '123456' });
        await t.http.post('/mfa/sms/verify').set(auth).send({ code: codes[1] }).expect(200);
        await t.http.post('/mfa/sms/enroll').set(auth).send({ phoneNumber: invalid });
        await t.http.post('/mfa/sms/challenge').set(auth).send({ phoneNumber: '+447911204539' }).expect(403);
        const outbox = t.logs.lines.filter((l) => l.includes('MockSmsOutbox'));
        const others = t.logs.lines.filter((l) => !l.includes('MockSmsOutbox'));
        strict_1.default.ok(outbox.length >= 2, 'the dev outbox prints each message');
        strict_1.default.ok(outbox.every((l) => l.includes('+44 ••• ••• 4538') && !l.includes('7911204538')));
        for (const line of others) {
            for (const secret of ['7911204538', '7700900461', '7911204539', ...codes]) {
                strict_1.default.ok(!line.includes(secret), `log line leaks ${secret.length} digits: ${line.slice(0, 80)}`);
            }
        }
        const raw = t.logs.raw.filter((l) => !l.includes('MockSmsOutbox'));
        const token = auth.Authorization.slice('Bearer '.length);
        const requests = raw.map((l) => JSON.parse(l)).filter((e) => e.req?.url === '/mfa/sms/challenge');
        strict_1.default.ok(requests.length >= 2, 'request lines are logged');
        strict_1.default.ok(requests.every((e) => /^[0-9a-f-]{36}$/.test(e.req.id) && e.req.headers.authorization === '[redacted]'));
        for (const line of raw) {
            strict_1.default.ok(!line.includes(token.slice(-20)), 'no bearer token');
            for (const secret of ['7911204538', '7700900461', '7911204539', ...codes])
                strict_1.default.ok(!line.includes(secret));
        }
    });
    (0, node_test_1.it)('writes no access line for probes and scrapes, with or without a query string', async () => {
        const { t } = fixture;
        const from = t.logs.raw.length;
        await t.http.get('/health/live').expect(200);
        await t.http.get('/health/live?probe=1').expect(200);
        await t.http.get('/metrics').expect(200);
        await t.http.get('/mfa/factors').set({ Authorization: `Bearer ${t.token('quiet-user')}` }).expect(200);
        const urls = t.logs.raw
            .slice(from)
            .map((l) => JSON.parse(l))
            .filter((e) => e.req && e.res)
            .map((e) => e.req.url);
        strict_1.default.deepEqual(urls, ['/mfa/factors'], 'only the API request has an access line');
    });
});
//# sourceMappingURL=privacy.e2e-spec.js.map