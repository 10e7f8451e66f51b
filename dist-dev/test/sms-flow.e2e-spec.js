"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
const strict_1 = __importDefault(require("node:assert/strict"));
const node_test_1 = require("node:test");
const node_crypto_1 = require("node:crypto");
const database_1 = require("./support/database");
const app_1 = require("./support/app");
const SECRET = 'code-secret-code-secret-code-secret-42';
(0, node_test_1.describe)('SMS code core over REST', () => {
    let db;
    let t;
    const bearer = (userId) => ({ Authorization: `Bearer ${t.token(userId)}` });
    (0, node_test_1.before)(async () => {
        db = await (0, database_1.createTestDatabase)();
        t = await (0, app_1.startTestApp)(db.url, { codeSecret: SECRET, cooldownMinutes: 0 });
    });
    (0, node_test_1.after)(async () => {
        await t?.close();
        await db?.drop();
    });
    (0, node_test_1.it)('enrols a number, verifies ownership, then challenges and verifies a login code', async () => {
        const phone = '+14152010101';
        const enrolled = await t.http
            .post('/mfa/sms/enroll')
            .set(bearer('alice'))
            .send({ phoneNumber: '+1 (415) 201-0101' })
            .expect(202);
        strict_1.default.equal(enrolled.body.maskedPhone, '+1 ••• ••• 0101');
        strict_1.default.ok(enrolled.body.factorId && enrolled.body.challengeId);
        strict_1.default.match(t.outbox.lastMessageTo(phone).body, /^Haven Health: your code is \d{6}\./);
        const verified = await t.http
            .post('/mfa/sms/enroll/verify')
            .set(bearer('alice'))
            .send({ code: (0, app_1.lastCode)(t, phone) })
            .expect(200);
        const aal2At = (at) => ({ aal: 'aal2', verifiedAt: at.toISOString(), expiresAt: new Date(at.getTime() + 720 * 60_000).toISOString() });
        strict_1.default.deepEqual(verified.body, { factorId: enrolled.body.factorId, verified: true, methods: ['sms'], ...aal2At(t.clock.now()) });
        const challenge = await t.http.post('/mfa/sms/challenge').set(bearer('alice')).send({}).expect(202);
        strict_1.default.equal(challenge.body.maskedPhone, '+1 ••• ••• 0101');
        strict_1.default.equal(new Date(challenge.body.expiresAt).getTime() - t.clock.now().getTime(), 10 * 60_000);
        const login = await t.http.post('/mfa/sms/verify').set(bearer('alice')).send({ code: (0, app_1.lastCode)(t, phone) }).expect(200);
        strict_1.default.deepEqual(login.body, { verified: true, methods: ['sms'], ...aal2At(t.clock.now()) });
        const factors = await t.http.get('/mfa/factors').set(bearer('alice')).expect(200);
        strict_1.default.equal(factors.body.length, 1);
        strict_1.default.equal(factors.body[0].type, 'sms');
        strict_1.default.equal(factors.body[0].verified, true);
        strict_1.default.equal(factors.body[0].maskedPhone, '+1 ••• ••• 0101');
        strict_1.default.ok(!JSON.stringify(factors.body).includes('2010101'));
    });
    (0, node_test_1.it)('answers a wrong code with CODE_INVALID and the attempts left, then refuses even the right code', async () => {
        const phone = '+14152010102';
        await (0, app_1.enrollVerified)(t, 'bob', phone);
        await t.http.post('/mfa/sms/challenge').set(bearer('bob')).send({}).expect(202);
        const right = (0, app_1.lastCode)(t, phone);
        const wrong = right === '000000' ? '111111' : '000000';
        const first = await t.http.post('/mfa/sms/verify').set(bearer('bob')).send({ code: wrong }).expect(400);
        strict_1.default.equal(first.body.code, 'CODE_INVALID');
        strict_1.default.equal(first.body.attemptsRemaining, 2);
        const second = await t.http.post('/mfa/sms/verify').set(bearer('bob')).send({ code: wrong }).expect(400);
        strict_1.default.equal(second.body.attemptsRemaining, 1);
        const third = await t.http.post('/mfa/sms/verify').set(bearer('bob')).send({ code: wrong }).expect(400);
        strict_1.default.equal(third.body.code, 'TOO_MANY_ATTEMPTS');
        const late = await t.http.post('/mfa/sms/verify').set(bearer('bob')).send({ code: right }).expect(400);
        strict_1.default.equal(late.body.code, 'TOO_MANY_ATTEMPTS');
    });
    (0, node_test_1.it)('expires a code after SMS_CODE_VALIDITY_MINUTES', async () => {
        const phone = '+14152010103';
        await (0, app_1.enrollVerified)(t, 'carol', phone);
        await t.http.post('/mfa/sms/challenge').set(bearer('carol')).send({}).expect(202);
        t.clock.advanceMinutes(10);
        const res = await t.http.post('/mfa/sms/verify').set(bearer('carol')).send({ code: (0, app_1.lastCode)(t, phone) }).expect(400);
        strict_1.default.equal(res.body.code, 'CODE_EXPIRED');
    });
    (0, node_test_1.it)('accepts a code once only', async () => {
        const phone = '+14152010104';
        await (0, app_1.enrollVerified)(t, 'dan', phone);
        await t.http.post('/mfa/sms/challenge').set(bearer('dan')).send({}).expect(202);
        const code = (0, app_1.lastCode)(t, phone);
        await t.http.post('/mfa/sms/verify').set(bearer('dan')).send({ code }).expect(200);
        const again = await t.http.post('/mfa/sms/verify').set(bearer('dan')).send({ code }).expect(400);
        strict_1.default.equal(again.body.code, 'NO_ACTIVE_CHALLENGE');
    });
    (0, node_test_1.it)('kills the previous code when a new one is requested (resend)', async () => {
        const phone = '+14152010105';
        await (0, app_1.enrollVerified)(t, 'erin', phone);
        await t.http.post('/mfa/sms/challenge').set(bearer('erin')).send({}).expect(202);
        const old = (0, app_1.lastCode)(t, phone);
        t.clock.advanceMinutes(1);
        await t.http.post('/mfa/sms/challenge').set(bearer('erin')).send({}).expect(202);
        const fresh = (0, app_1.lastCode)(t, phone);
        if (old !== fresh) {
            const res = await t.http.post('/mfa/sms/verify').set(bearer('erin')).send({ code: old }).expect(400);
            strict_1.default.equal(res.body.code, 'CODE_INVALID');
        }
        await (0, database_1.withClient)(db.url, async (c) => {
            const { rows } = await c.query(`SELECT count(*)::int AS live FROM mfa_challenges WHERE user_id = 'erin' AND purpose = 'login'
           AND consumed_at IS NULL AND invalidated_at IS NULL`);
            strict_1.default.equal(rows[0].live, 1);
        });
        await t.http.post('/mfa/sms/verify').set(bearer('erin')).send({ code: fresh }).expect(200);
    });
    (0, node_test_1.it)('lets exactly one of 20 concurrent verifies of the right code succeed', async () => {
        const phone = '+14152010106';
        await (0, app_1.enrollVerified)(t, 'frank', phone);
        await t.http.post('/mfa/sms/challenge').set(bearer('frank')).send({}).expect(202);
        const code = (0, app_1.lastCode)(t, phone);
        const results = await Promise.all(Array.from({ length: 20 }, () => t.http.post('/mfa/sms/verify').set(bearer('frank')).send({ code })));
        const statuses = results.map((r) => r.status);
        strict_1.default.equal(statuses.filter((s) => s === 200).length, 1, `statuses: ${statuses.join(',')}`);
        strict_1.default.ok(results.every((r) => r.status === 200 || ['NO_ACTIVE_CHALLENGE', 'TOO_MANY_ATTEMPTS'].includes(r.body.code)));
    });
    (0, node_test_1.it)('refuses a challenge without a verified factor, or to another number, with PHONE_NOT_VERIFIED', async () => {
        const none = await t.http.post('/mfa/sms/challenge').set(bearer('nobody')).send({}).expect(403);
        strict_1.default.equal(none.body.code, 'PHONE_NOT_VERIFIED');
        await (0, app_1.enrollVerified)(t, 'gina', '+14152010107');
        const other = await t.http
            .post('/mfa/sms/challenge')
            .set(bearer('gina'))
            .send({ phoneNumber: '+14152010199' })
            .expect(403);
        strict_1.default.equal(other.body.code, 'PHONE_NOT_VERIFIED');
        strict_1.default.equal(t.outbox.messagesTo('+14152010199').length, 0);
        await t.http.post('/mfa/sms/enroll').set(bearer('hank')).send({ phoneNumber: '+14152010108' }).expect(202);
        const pending = await t.http.post('/mfa/sms/challenge').set(bearer('hank')).send({}).expect(403);
        strict_1.default.equal(pending.body.code, 'PHONE_NOT_VERIFIED');
    });
    (0, node_test_1.it)('stores only the keyed hash of a code, bound to its challenge', async () => {
        const phone = '+14152010109';
        await (0, app_1.enrollVerified)(t, 'ivan', phone);
        const res = await t.http.post('/mfa/sms/challenge').set(bearer('ivan')).send({}).expect(202);
        const code = (0, app_1.lastCode)(t, phone);
        await (0, database_1.withClient)(db.url, async (c) => {
            const { rows } = await c.query(`SELECT * FROM mfa_challenges WHERE id = $1`, [res.body.challengeId]);
            strict_1.default.equal(rows.length, 1);
            const expected = (0, node_crypto_1.createHmac)('sha256', SECRET).update(`${res.body.challengeId}:${code}`).digest();
            strict_1.default.deepEqual(rows[0].code_hash, expected);
            for (const [column, value] of Object.entries(rows[0])) {
                const text = Buffer.isBuffer(value) ? value.toString('latin1') + value.toString('hex') : String(value);
                strict_1.default.ok(!text.includes(code), `column ${column} holds the code`);
            }
        });
    });
    (0, node_test_1.it)('records every send in the send log', async () => {
        const phone = '+14152010110';
        await (0, app_1.enrollVerified)(t, 'judy', phone);
        const res = await t.http.post('/mfa/sms/challenge').set(bearer('judy')).send({}).expect(202);
        await (0, database_1.withClient)(db.url, async (c) => {
            const { rows } = await c.query(`SELECT * FROM sms_send_log WHERE challenge_id = $1`, [res.body.challengeId]);
            strict_1.default.equal(rows.length, 1);
            strict_1.default.equal(rows[0].provider, 'MOCK');
            strict_1.default.equal(rows[0].status, 'delivered');
            strict_1.default.match(rows[0].provider_message_id, /^mock-[0-9a-f-]{36}$/);
        });
    });
    (0, node_test_1.it)('removes a factor, but not the last verified one, and answers 404 for a factor of someone else', async () => {
        const factorId = await (0, app_1.enrollVerified)(t, 'kim', '+14152010111');
        await t.http.delete(`/mfa/factors/${factorId}`).set(bearer('mallory')).expect(404);
        const last = await t.http.delete(`/mfa/factors/${factorId}`).set(bearer('kim')).expect(409);
        strict_1.default.equal(last.body.code, 'LAST_FACTOR');
        await t.http.post('/mfa/sms/enroll').set(bearer('kim')).send({ phoneNumber: '+14152010112' }).expect(202);
        const pending = (await t.http.get('/mfa/factors').set(bearer('kim')).expect(200)).body.find((f) => !f.verified);
        await t.http.delete(`/mfa/factors/${pending.id}`).set(bearer('kim')).expect(204);
        const list = await t.http.get('/mfa/factors').set(bearer('kim')).expect(200);
        strict_1.default.deepEqual(list.body.map((f) => f.id), [factorId]);
        const bad = await t.http.delete('/mfa/factors/not-a-uuid').set(bearer('kim')).expect(400);
        strict_1.default.equal(bad.body.code, 'VALIDATION_FAILED');
    });
    (0, node_test_1.it)('requires a valid bearer token', async () => {
        const none = await t.http.get('/mfa/factors').expect(401);
        strict_1.default.equal(none.body.code, 'UNAUTHENTICATED');
        await t.http.get('/mfa/factors').set('Authorization', 'Bearer not.a.jwt').expect(401);
        const forged = t.token('alice').slice(0, -4) + 'AAAA';
        await t.http.get('/mfa/factors').set('Authorization', `Bearer ${forged}`).expect(401);
    });
    (0, node_test_1.it)('answers every user and admin route 401 without a valid token, at no cost (each route from the OpenAPI document)', async () => {
        const paths = (await t.http.get('/docs-json').expect(200)).body.paths;
        const routes = Object.entries(paths)
            .filter(([path]) => /^\/(mfa|admin|demo)\//.test(path) && !path.startsWith('/mfa/webhooks/'))
            .flatMap(([path, methods]) => Object.keys(methods).map((method) => [method, path.replace(/\{[^}]+\}/g, 'x')]));
        strict_1.default.ok(routes.length >= 19, `routes found: ${routes.length}`);
        const cost = () => (0, database_1.withClient)(db.url, async (c) => (await c.query(`SELECT (SELECT count(*) FROM sms_send_log) + (SELECT count(*) FROM mfa_challenges)
                             + (SELECT count(*) FROM mfa_sms_factors) + (SELECT count(*) FROM mfa_totp_factors)
                             + (SELECT count(*) FROM mfa_recovery_codes) AS n`)).rows[0].n);
        const before = await cost();
        const forged = t.token('alice', ['admin']).slice(0, -4) + 'AAAA';
        for (const [method, path] of routes) {
            for (const auth of [undefined, `Bearer ${forged}`]) {
                const req = t.http[method](path);
                const res = await (auth ? req.set('Authorization', auth) : req).send({ phoneNumber: '+14155550100', code: '123456' });
                strict_1.default.deepEqual([res.status, res.body.code], [401, 'UNAUTHENTICATED'], `${method} ${path}`);
            }
        }
        strict_1.default.equal(await cost(), before);
    });
    (0, node_test_1.it)('serves health and the OpenAPI document', async () => {
        const health = await t.http.get('/health').expect(200);
        strict_1.default.equal(health.body.info.database.status, 'up');
        const docs = await t.http.get('/docs-json').expect(200);
        strict_1.default.ok(docs.body.paths['/mfa/sms/challenge']);
    });
});
//# sourceMappingURL=sms-flow.e2e-spec.js.map