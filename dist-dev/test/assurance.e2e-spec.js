"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
const strict_1 = __importDefault(require("node:assert/strict"));
const node_test_1 = require("node:test");
const event_emitter_1 = require("@nestjs/event-emitter");
const otpauth_1 = require("otpauth");
const mfa_events_1 = require("../src/common/mfa-events");
const app_1 = require("./support/app");
const database_1 = require("./support/database");
const phone = (i) => `+1415201${String(8100 + i)}`;
(0, node_test_1.describe)('session assurance and step-up for factor changes', () => {
    let db;
    let t;
    const raised = [];
    const as = (user, sid) => ({ Authorization: `Bearer ${t.token(user, [], sid)}` });
    (0, node_test_1.before)(async () => {
        db = await (0, database_1.createTestDatabase)();
        t = await (0, app_1.startTestApp)(db.url, { cooldownMinutes: 0 });
        t.app.get(event_emitter_1.EventEmitter2).on(mfa_events_1.MfaEvent.AssuranceRaised, (e) => raised.push(e));
    });
    (0, node_test_1.after)(async () => {
        await t?.close();
        await db?.drop();
    });
    async function stepUpBySms(user, sid, number) {
        await t.http.post('/mfa/sms/challenge').set(as(user, sid)).send({}).expect(202);
        return t.http.post('/mfa/sms/verify').set(as(user, sid)).send({ code: (0, app_1.lastCode)(t, number) }).expect(200);
    }
    (0, node_test_1.it)('a session holding only the password cannot replace the verified phone (the reported bypass, replayed)', async () => {
        const own = phone(1);
        await t.http.post('/mfa/sms/enroll').set(as('u1', 's1')).send({ phoneNumber: own }).expect(202);
        await t.http.post('/mfa/sms/enroll/verify').set(as('u1', 's1')).send({ code: (0, app_1.lastCode)(t, own) }).expect(200);
        const sent = t.outbox.sent.length;
        const swap = await t.http.post('/mfa/sms/enroll').set(as('u1', 's2')).send({ phoneNumber: phone(2) }).expect(403);
        strict_1.default.equal(swap.body.code, 'STEP_UP_REQUIRED');
        strict_1.default.deepEqual(swap.body.methods, ['sms']);
        strict_1.default.equal(t.outbox.sent.length, sent, 'no code sent to the new number');
        const factors = await t.http.get('/mfa/factors').set(as('u1', 's2')).expect(200);
        strict_1.default.deepEqual(factors.body.map((f) => f.maskedPhone), ['+1 ••• ••• 8101']);
    });
    (0, node_test_1.it)('s2 cannot enrol TOTP, delete a factor or make recovery codes until it verifies; then it can', async () => {
        const [factor] = (await t.http.get('/mfa/factors').set(as('u1', 's2')).expect(200)).body;
        for (const refused of [
            t.http.post('/mfa/totp/enroll').set(as('u1', 's2')),
            t.http.delete(`/mfa/factors/${factor.id}`).set(as('u1', 's2')),
            t.http.post('/mfa/recovery-codes').set(as('u1', 's2')),
        ]) {
            const res = await refused.expect(403);
            strict_1.default.equal(res.body.code, 'STEP_UP_REQUIRED');
        }
        await t.http.get('/mfa/assurance').set(as('u1', 's2')).expect(200, { aal: 'aal1', methods: [], verifiedAt: null, expiresAt: null });
        const verified = await stepUpBySms('u1', 's2', phone(1));
        strict_1.default.equal(verified.body.aal, 'aal2');
        strict_1.default.deepEqual(verified.body.methods, ['sms']);
        await t.http.post('/mfa/totp/enroll').set(as('u1', 's2')).expect(201);
        const codes = await t.http.post('/mfa/recovery-codes').set(as('u1', 's2')).expect(201);
        strict_1.default.equal(codes.body.codes.length, 10);
        await t.http.post('/mfa/sms/enroll').set(as('u1', 's2')).send({ phoneNumber: phone(2) }).expect(202);
        const replaced = await t.http.post('/mfa/sms/enroll/verify').set(as('u1', 's2')).send({ code: (0, app_1.lastCode)(t, phone(2)) }).expect(200);
        strict_1.default.equal(replaced.body.aal, 'aal2');
        strict_1.default.ok(raised.some((e) => e.userId === 'u1' && e.sessionId === 's2' && e.method === 'sms'), 'mfa.assurance.raised');
    });
    (0, node_test_1.it)('the step-up lapses after MFA_STEP_UP_MAX_AGE_MINUTES; aal2 itself lasts MFA_ASSURANCE_MAX_AGE_MINUTES', async () => {
        await (0, app_1.enrollVerified)(t, 'u3', phone(3));
        await stepUpBySms('u3', 's1', phone(3));
        t.clock.advanceMinutes(10);
        await t.http.post('/mfa/recovery-codes').set(as('u3', 's1')).expect(201);
        t.clock.advance(1000);
        const late = await t.http.post('/mfa/recovery-codes').set(as('u3', 's1')).expect(403);
        strict_1.default.equal(late.body.code, 'STEP_UP_REQUIRED');
        strict_1.default.deepEqual(late.body.methods, ['sms', 'recovery_code']);
        const state = await t.http.get('/mfa/assurance').set(as('u3', 's1')).expect(200);
        strict_1.default.equal(state.body.aal, 'aal2');
        t.clock.advanceMinutes(720);
        strict_1.default.equal((await t.http.get('/mfa/assurance').set(as('u3', 's1')).expect(200)).body.aal, 'aal1');
    });
    (0, node_test_1.it)('a user with no verified factor enrols freely, in any session', async () => {
        await t.http.post('/mfa/totp/enroll').set(as('u5', 'b')).expect(201);
        await t.http.post('/mfa/sms/enroll').set(as('u5', 'c')).send({ phoneNumber: phone(5) }).expect(202);
        await t.http.post('/mfa/sms/enroll/verify').set(as('u5', 'c')).send({ code: (0, app_1.lastCode)(t, phone(5)) }).expect(200);
    });
    (0, node_test_1.it)('finishing an enrolment that began before the user had a factor needs aal2 too', async () => {
        await t.http.post('/mfa/sms/enroll').set(as('u6', 'attacker')).send({ phoneNumber: phone(61) }).expect(202);
        const enrolled = await t.http.post('/mfa/totp/enroll').set(as('u6', 'owner')).expect(201);
        const totp = new otpauth_1.TOTP({ secret: otpauth_1.Secret.fromBase32(enrolled.body.secret) });
        await t.http.post('/mfa/totp/activate').set(as('u6', 'owner')).send({ code: totp.generate({ timestamp: t.clock.now().getTime() }) }).expect(200);
        const late = await t.http.post('/mfa/sms/enroll/verify').set(as('u6', 'attacker')).send({ code: (0, app_1.lastCode)(t, phone(61)) }).expect(403);
        strict_1.default.equal(late.body.code, 'STEP_UP_REQUIRED');
        strict_1.default.deepEqual(late.body.methods, ['totp']);
        const factors = (await t.http.get('/mfa/factors').set(as('u6', 'attacker')).expect(200)).body;
        strict_1.default.deepEqual(factors.map((f) => `${f.type}:${f.verified}`).sort(), ['sms:false', 'totp:true']);
    });
    (0, node_test_1.it)('likewise for TOTP: an activation begun before the owner had a factor needs aal2 to finish', async () => {
        const started = await t.http.post('/mfa/totp/enroll').set(as('u13', 'attacker')).expect(201);
        await (0, app_1.enrollVerified)(t, 'u13', phone(13));
        const totp = new otpauth_1.TOTP({ secret: otpauth_1.Secret.fromBase32(started.body.secret) });
        const late = await t.http
            .post('/mfa/totp/activate')
            .set(as('u13', 'attacker'))
            .send({ code: totp.generate({ timestamp: t.clock.now().getTime() }) })
            .expect(403);
        strict_1.default.deepEqual([late.body.code, late.body.methods], ['STEP_UP_REQUIRED', ['sms']]);
        const factors = (await t.http.get('/mfa/factors').set(as('u13', 'attacker')).expect(200)).body;
        strict_1.default.deepEqual(factors.map((f) => `${f.type}:${f.verified}`).sort(), ['sms:true', 'totp:false']);
        strict_1.default.equal((await t.http.get('/mfa/assurance').set(as('u13', 'attacker')).expect(200)).body.aal, 'aal1');
    });
    (0, node_test_1.it)('DELETE /mfa/assurance ends aal2 for that session only', async () => {
        await (0, app_1.enrollVerified)(t, 'u7', phone(7));
        await stepUpBySms('u7', 'laptop', phone(7));
        await stepUpBySms('u7', 'phone', phone(7));
        await t.http.delete('/mfa/assurance').set(as('u7', 'laptop')).expect(204);
        strict_1.default.equal((await t.http.get('/mfa/assurance').set(as('u7', 'laptop')).expect(200)).body.aal, 'aal1');
        strict_1.default.equal((await t.http.get('/mfa/assurance').set(as('u7', 'phone')).expect(200)).body.aal, 'aal2');
        const [factor] = (await t.http.get('/mfa/factors').set(as('u7', 'laptop')).expect(200)).body;
        strict_1.default.equal((await t.http.delete(`/mfa/factors/${factor.id}`).set(as('u7', 'laptop')).expect(403)).body.code, 'STEP_UP_REQUIRED');
    });
    (0, node_test_1.it)('methods accumulate while the session is at aal2', async () => {
        await (0, app_1.enrollVerified)(t, 'u8', phone(8));
        const enrolled = await t.http.post('/mfa/totp/enroll').set(as('u8', 'session-of-u8')).expect(201);
        const totp = new otpauth_1.TOTP({ secret: otpauth_1.Secret.fromBase32(enrolled.body.secret) });
        const activated = await t.http.post('/mfa/totp/activate').set(as('u8', 'session-of-u8')).send({ code: totp.generate({ timestamp: t.clock.now().getTime() }) }).expect(200);
        strict_1.default.deepEqual(activated.body.methods, ['sms', 'totp']);
    });
    (0, node_test_1.it)('the demo route is behind @RequireMfa: 401 without a token, 403 MFA_REQUIRED at aal1, 200 at aal2, 403 again after its max age', async () => {
        await t.http.get('/demo/records').expect(401);
        await (0, app_1.enrollVerified)(t, 'u9', phone(9));
        const refused = await t.http.get('/demo/records').set(as('u9', 'fresh')).expect(403);
        strict_1.default.equal(refused.body.code, 'MFA_REQUIRED');
        strict_1.default.deepEqual(refused.body.methods, ['sms'], 'the methods the user can verify with, not those this session used');
        await stepUpBySms('u9', 'fresh', phone(9));
        const records = await t.http.get('/demo/records').set(as('u9', 'fresh')).expect(200);
        strict_1.default.equal(records.body.patient, 'u9');
        strict_1.default.ok(records.body.records.length > 0);
        t.clock.advanceMinutes(61);
        const lapsed = await t.http.get('/demo/records').set(as('u9', 'fresh')).expect(403);
        strict_1.default.deepEqual([lapsed.body.code, lapsed.body.methods], ['MFA_REQUIRED', ['sms']]);
    });
    (0, node_test_1.it)('50 concurrent calls at aal1 to a @RequireMfa route over two instances: all 403 MFA_REQUIRED with the usable methods, none sends or writes anything', async () => {
        await (0, app_1.enrollVerified)(t, 'u30', phone(30));
        const second = await (0, app_1.startTestApp)(db.url, { cooldownMinutes: 0 });
        try {
            const rows = async () => (0, database_1.withClient)(db.url, async (c) => (await c.query(`SELECT (SELECT count(*) FROM mfa_assurance) + (SELECT count(*) FROM mfa_challenges) + (SELECT count(*) FROM sms_send_log) AS n`)).rows[0].n);
            const before = await rows();
            const sent = t.outbox.sent.length + second.outbox.sent.length;
            const answers = await Promise.all(Array.from({ length: 50 }, (_, i) => (i % 2 ? second : t).http.get('/demo/records').set(as('u30', 'password-only'))));
            strict_1.default.deepEqual([...new Set(answers.map((r) => `${r.status} ${r.body.code} ${JSON.stringify(r.body.methods)}`))], ['403 MFA_REQUIRED ["sms"]']);
            strict_1.default.equal(await rows(), before, 'no row written');
            strict_1.default.equal(t.outbox.sent.length + second.outbox.sent.length, sent, 'nothing sent');
        }
        finally {
            await second.close();
        }
    });
    (0, node_test_1.it)('admin routes need the operator at aal2, not a phished password alone (MFA_ADMIN_REQUIRES_MFA)', async () => {
        const strict = await (0, app_1.startTestApp)(db.url, { adminRequiresMfa: true, cooldownMinutes: 0 });
        try {
            strict.clock.advance(t.clock.now().getTime() - strict.clock.now().getTime());
            const admin = { Authorization: `Bearer ${strict.token('ops', ['admin'], 'ops-laptop')}` };
            await (0, database_1.withClient)(db.url, (c) => c.query(`INSERT INTO mfa_verify_failures (user_id, consecutive, locked_until, updated_at) VALUES ('locked-out', 100, NULL, now())`));
            const changes = () => (0, database_1.withClient)(db.url, async (c) => ({
                rules: (await c.query(`SELECT count(*)::int AS n FROM sms_country_rule_changes`)).rows[0].n,
                lockout: (await c.query(`SELECT count(*)::int AS n FROM mfa_verify_failures WHERE user_id = 'locked-out'`)).rows[0].n,
            }));
            const before = await changes();
            const routes = [
                ['get', '/admin/sms/country-rules'],
                ['put', '/admin/sms/country-rules/FR', { action: 'block' }],
                ['delete', '/admin/sms/country-rules/FR'],
                ['get', '/admin/sms/fraud-events'],
                ['delete', '/admin/sms/verify-lockouts/locked-out'],
                ['get', '/admin/users/u1/data'],
                ['delete', '/admin/users/u1/data'],
            ];
            for (const [method, route, body] of routes) {
                const res = await strict.http[method](route).set(admin).send(body);
                strict_1.default.deepEqual([res.status, res.body.code], [403, 'MFA_REQUIRED'], `${method} ${route}`);
            }
            strict_1.default.deepEqual(await changes(), before);
            strict_1.default.equal(before.lockout, 1);
            await (0, app_1.enrollVerified)(strict, 'ops', phone(20));
            await strict.http.get('/admin/sms/country-rules').set(admin).expect(403);
            await strict.http.post('/mfa/sms/challenge').set(admin).send({}).expect(202);
            await strict.http.post('/mfa/sms/verify').set(admin).send({ code: (0, app_1.lastCode)(strict, phone(20)) }).expect(200);
            await strict.http.get('/admin/sms/country-rules').set(admin).expect(200);
            await strict.http.get('/admin/users/u1/data').set(admin).expect(200);
            await strict.http.delete('/admin/sms/verify-lockouts/locked-out').set(admin).expect(204);
            strict.clock.advance(31 * 60_000);
            strict_1.default.equal((await strict.http.get('/admin/sms/country-rules').set(admin).expect(403)).body.code, 'MFA_REQUIRED');
        }
        finally {
            await strict.close();
        }
    });
    (0, node_test_1.it)('assurance raised on one instance is seen by another', async () => {
        const other = await (0, app_1.startTestApp)(db.url, { cooldownMinutes: 0 });
        try {
            other.clock.advance(t.clock.now().getTime() - other.clock.now().getTime());
            await (0, app_1.enrollVerified)(t, 'u10', phone(10));
            await stepUpBySms('u10', 'x', phone(10));
            const seen = await other.http.get('/mfa/assurance').set({ Authorization: `Bearer ${other.token('u10', [], 'x')}` }).expect(200);
            strict_1.default.equal(seen.body.aal, 'aal2');
            await other.http.get('/demo/records').set({ Authorization: `Bearer ${other.token('u10', [], 'x')}` }).expect(200);
        }
        finally {
            await other.close();
        }
    });
    (0, node_test_1.it)('a factor removal racing the end of its session decides on what the logout committed', { skip: database_1.EMBEDDED && database_1.ONE_SESSION_REASON }, async () => {
        await (0, app_1.enrollVerified)(t, 'u11', phone(11));
        await t.http.post('/mfa/recovery-codes').set(as('u11', 'session-of-u11')).expect(201);
        const sms = (await t.http.get('/mfa/factors').set(as('u11', 'y')).expect(200)).body.find((f) => f.type === 'sms');
        await stepUpBySms('u11', 'y', phone(11));
        await (0, database_1.withClient)(db.url, async (c) => {
            await c.query('BEGIN');
            await c.query(`DELETE FROM mfa_assurance WHERE user_id = 'u11' AND session_hash = sha256('y'::bytea)`);
            const removal = t.http.delete(`/mfa/factors/${sms.id}`).set(as('u11', 'y')).then((r) => r);
            const waiting = async () => (await c.query(`SELECT count(*)::int AS n FROM pg_stat_activity
              WHERE wait_event_type = 'Lock' AND datname = current_database() AND pid <> pg_backend_pid()`)).rows[0].n;
            while ((await waiting()) === 0)
                ;
            await c.query('COMMIT');
            const res = await removal;
            strict_1.default.equal(res.status, 403);
            strict_1.default.equal(res.body.code, 'STEP_UP_REQUIRED');
        });
    });
    (0, node_test_1.it)('two parallel removals never take the last verified factor', async () => {
        await (0, app_1.enrollVerified)(t, 'u12', phone(12));
        const enrolled = await t.http.post('/mfa/totp/enroll').set(as('u12', 'session-of-u12')).expect(201);
        const totp = new otpauth_1.TOTP({ secret: otpauth_1.Secret.fromBase32(enrolled.body.secret) });
        await t.http.post('/mfa/totp/activate').set(as('u12', 'session-of-u12')).send({ code: totp.generate({ timestamp: t.clock.now().getTime() }) }).expect(200);
        const ids = (await t.http.get('/mfa/factors').set(as('u12', 'session-of-u12')).expect(200)).body.map((f) => f.id);
        const results = await Promise.all(ids.map((id) => t.http.delete(`/mfa/factors/${id}`).set(as('u12', 'session-of-u12'))));
        strict_1.default.deepEqual(results.map((r) => r.status).sort(), [204, 409]);
    });
});
//# sourceMappingURL=assurance.e2e-spec.js.map