"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
const strict_1 = __importDefault(require("node:assert/strict"));
const node_test_1 = require("node:test");
const otpauth_1 = require("otpauth");
const app_1 = require("./support/app");
const database_1 = require("./support/database");
const phone = (i) => `+1415202${String(1000 + i)}`;
(0, node_test_1.describe)('a password-only session cannot add a factor by racing the owner’s first enrolment', () => {
    let db;
    let apps;
    (0, node_test_1.before)(async () => {
        db = await (0, database_1.createTestDatabase)();
        apps = await Promise.all([(0, app_1.startTestApp)(db.url, { cooldownMinutes: 0 }), (0, app_1.startTestApp)(db.url, { cooldownMinutes: 0 })]);
    });
    (0, node_test_1.after)(async () => {
        await Promise.all((apps ?? []).map((a) => a.close()));
        await db?.drop();
    });
    (0, node_test_1.it)('50 races over two instances: SMS enrolment on one session, TOTP activation on another, never both win', { skip: database_1.EMBEDDED && database_1.ONE_SESSION_REASON }, async () => {
        const [a, b] = apps;
        const outcomes = {};
        for (let i = 0; i < 50; i++) {
            const user = `racer-${i}`;
            const attacker = { Authorization: `Bearer ${a.token(user, [], 'password-only')}` };
            const owner = { Authorization: `Bearer ${b.token(user, [], 'owner')}` };
            await a.http.post('/mfa/sms/enroll').set(attacker).send({ phoneNumber: phone(i) }).expect(202);
            const enrolled = await b.http.post('/mfa/totp/enroll').set(owner).expect(201);
            const totp = new otpauth_1.TOTP({ algorithm: 'SHA1', digits: 6, period: 30, secret: otpauth_1.Secret.fromBase32(enrolled.body.secret) });
            const [sms, activated] = await Promise.all([
                a.http.post('/mfa/sms/enroll/verify').set(attacker).send({ code: (0, app_1.lastCode)(a, phone(i)) }),
                b.http.post('/mfa/totp/activate').set(owner).send({ code: totp.generate({ timestamp: b.clock.now().getTime() }) }),
            ]);
            const key = `${sms.status}/${activated.status}`;
            outcomes[key] = (outcomes[key] ?? 0) + 1;
            strict_1.default.notEqual(key, '200/200', `race ${i}: both sessions added a factor`);
            const loser = sms.status === 200 ? activated : sms;
            strict_1.default.equal(loser.body.code, 'STEP_UP_REQUIRED');
            const factors = await (0, database_1.withClient)(db.url, async (c) => (await c.query(`SELECT (SELECT count(*) FROM mfa_sms_factors WHERE user_id = $1 AND verified_at IS NOT NULL)
                    + (SELECT count(*) FROM mfa_totp_factors WHERE user_id = $1 AND verified_at IS NOT NULL) AS n`, [user])).rows[0].n);
            strict_1.default.equal(Number(factors), 1, `race ${i}: exactly one verified factor`);
        }
        strict_1.default.equal((outcomes['200/403'] ?? 0) + (outcomes['403/200'] ?? 0), 50, JSON.stringify(outcomes));
    });
});
(0, node_test_1.describe)('strangers spend only their own share of a number’s enrolments; erasure leaves others’ counters', () => {
    let db;
    let t;
    const as = (user, address) => ({ Authorization: `Bearer ${t.token(user)}`, 'X-Forwarded-For': address });
    const enrol = (user, address, number) => t.http.post('/mfa/sms/enroll').set(as(user, address)).send({ phoneNumber: number });
    const counters = (number) => (0, database_1.withClient)(db.url, async (c) => (await c.query(`SELECT subject, cardinality(sends)::int AS n FROM sms_send_counters WHERE subject LIKE $1 ORDER BY subject`, [`%${number}%`])).rows);
    (0, node_test_1.before)(async () => {
        db = await (0, database_1.createTestDatabase)();
        t = await (0, app_1.startTestApp)(db.url, { cooldownMinutes: 0, trustProxy: 'loopback', enrollNumberHourlyLimit: 3, enrollNumberTotalHourlyLimit: 10 });
    });
    (0, node_test_1.after)(async () => {
        await t?.close();
        await db?.drop();
    });
    (0, node_test_1.it)('three accounts from one address fill their share; the owner, elsewhere, still enrols and verifies', async () => {
        const strangers = [];
        for (let i = 0; i < 4; i++)
            strangers.push((await enrol(`stranger-${i}`, '198.51.100.20', phone(200))).status);
        strict_1.default.deepEqual(strangers, [202, 202, 202, 429]);
        const owner = await enrol('number-owner', '203.0.113.40', phone(200)).expect(202);
        strict_1.default.ok(owner.body.challengeId);
        await t.http.post('/mfa/sms/enroll/verify').set(as('number-owner', '203.0.113.40')).send({ code: (0, app_1.lastCode)(t, phone(200)) }).expect(200);
    });
    (0, node_test_1.it)('the number-wide ceiling bounds what all requesters together send to one number', async () => {
        const sent = [];
        for (let a = 0; a < 4; a++) {
            for (let i = 0; i < 3; i++)
                sent.push(await enrol(`rotator-${a}-${i}`, `198.51.100.${100 + a}`, phone(201)));
        }
        strict_1.default.deepEqual(sent.map((r) => r.status), [202, 202, 202, 202, 202, 202, 202, 202, 202, 202, 429, 429]);
        strict_1.default.equal(sent[10].body.limit, 'enroll_phone_total_hourly');
        strict_1.default.equal(t.outbox.messagesTo(phone(201)).length, 10);
    });
    (0, node_test_1.it)('erasing one user clears only that user’s counters, never a number’s shared ones', async () => {
        await enrol('keeper', '203.0.113.50', phone(202)).expect(202);
        await t.http.post('/mfa/sms/enroll/verify').set(as('keeper', '203.0.113.50')).send({ code: (0, app_1.lastCode)(t, phone(202)) }).expect(200);
        await t.http.post('/mfa/sms/challenge').set(as('keeper', '203.0.113.50')).send({}).expect(202);
        await enrol('leaver', '198.51.100.60', phone(202)).expect(202);
        const before = await counters(phone(202));
        strict_1.default.deepEqual(before.map((r) => r.subject), [
            `enroll:${phone(202)}`,
            `enroll:${phone(202)}:ip:198.51.100.60`,
            `enroll:${phone(202)}:ip:203.0.113.50`,
            `phone:${phone(202)}`,
        ]);
        await t.http.delete('/admin/users/leaver/data').set({ Authorization: `Bearer ${t.token('dpo', ['admin'])}` }).expect(200);
        strict_1.default.deepEqual(await counters(phone(202)), before, 'the owner’s and the number’s counters are not the leaver’s to erase');
        const own = await (0, database_1.withClient)(db.url, async (c) => (await c.query(`SELECT count(*)::int AS n FROM sms_send_counters WHERE subject = 'user:leaver'`)).rows[0].n);
        strict_1.default.equal(own, 0);
    });
});
(0, node_test_1.describe)('numbers of no country are refused unless the host allows them', () => {
    let db;
    let apps;
    const satellite = '+881621794035';
    (0, node_test_1.before)(async () => {
        db = await (0, database_1.createTestDatabase)();
        apps = await Promise.all([(0, app_1.startTestApp)(db.url, { cooldownMinutes: 0 }), (0, app_1.startTestApp)(db.url, { cooldownMinutes: 0, allowNonGeographic: true })]);
    });
    (0, node_test_1.after)(async () => {
        await Promise.all((apps ?? []).map((a) => a.close()));
        await db?.drop();
    });
    (0, node_test_1.it)('+881 (satellite) and +870 (Inmarsat): 403 COUNTRY_NOT_ALLOWED by default, nothing sent', async () => {
        const [strict] = apps;
        for (const number of [satellite, '+870 773 194 035']) {
            const res = await strict.http.post('/mfa/sms/enroll').set({ Authorization: `Bearer ${strict.token('sat-user')}` }).send({ phoneNumber: number });
            strict_1.default.equal(res.status, 403, number);
            strict_1.default.equal(res.body.code, 'COUNTRY_NOT_ALLOWED');
            strict_1.default.ok(!JSON.stringify(res.body).includes(number.replace(/\D/g, '').slice(-6)), 'the number is not echoed');
        }
        strict_1.default.equal(strict.outbox.sent.length, 0);
    });
    (0, node_test_1.it)('SMS_ALLOW_NON_GEOGRAPHIC=true lets a host take them', async () => {
        const open = apps[1];
        const res = await open.http.post('/mfa/sms/enroll').set({ Authorization: `Bearer ${open.token('sat-allowed')}` }).send({ phoneNumber: satellite });
        strict_1.default.equal(res.status, 202, JSON.stringify(res.body));
        strict_1.default.equal(open.outbox.messagesTo(satellite).length, 1);
    });
});
(0, node_test_1.describe)('a right recovery code submitted twice at once is "already used", never a failure', () => {
    let db;
    let apps;
    (0, node_test_1.before)(async () => {
        db = await (0, database_1.createTestDatabase)();
        const shared = { cooldownMinutes: 0, codeSecret: 'recovery-secret-'.repeat(3) };
        apps = await Promise.all([(0, app_1.startTestApp)(db.url, shared), (0, app_1.startTestApp)(db.url, shared)]);
    });
    (0, node_test_1.after)(async () => {
        await Promise.all((apps ?? []).map((a) => a.close()));
        await db?.drop();
    });
    (0, node_test_1.it)('30 parallel uses of one code over two instances: one 200, 29 "already used", no lockout', async () => {
        const [a, b] = apps;
        const auth = { Authorization: `Bearer ${a.token('double-submit')}` };
        await a.http.post('/mfa/sms/enroll').set(auth).send({ phoneNumber: phone(300) }).expect(202);
        await a.http.post('/mfa/sms/enroll/verify').set(auth).send({ code: (0, app_1.lastCode)(a, phone(300)) }).expect(200);
        const codes = (await a.http.post('/mfa/recovery-codes').set(auth).expect(201)).body.codes;
        const results = await Promise.all(Array.from({ length: 30 }, (_, i) => (i % 2 ? b : a).http.post('/mfa/recovery-codes/verify').set(auth).send({ code: codes[0] })));
        const answers = {};
        for (const r of results) {
            const answer = r.status === 200 ? '200' : `${r.status} ${r.body.code} ${r.body.message}`;
            answers[answer] = (answers[answer] ?? 0) + 1;
        }
        strict_1.default.deepEqual(answers, { '200': 1, '400 CODE_INVALID This recovery code was already used.': 29 });
        const failures = await (0, database_1.withClient)(db.url, async (c) => (await c.query(`SELECT count(*)::int AS n FROM mfa_verify_failures WHERE user_id = 'double-submit'`)).rows[0].n);
        strict_1.default.equal(failures, 0, 'no failure counted');
        await a.http.post('/mfa/recovery-codes/verify').set(auth).send({ code: codes[1] }).expect(200);
        await a.http.post('/mfa/sms/challenge').set(auth).send({}).expect(202);
        await a.http.post('/mfa/sms/verify').set(auth).send({ code: (0, app_1.lastCode)(a, phone(300)) }).expect(200);
    });
    (0, node_test_1.it)('a wrong code still counts as a wrong guess', async () => {
        const [a] = apps;
        const auth = { Authorization: `Bearer ${a.token('double-submit')}` };
        const wrong = await a.http.post('/mfa/recovery-codes/verify').set(auth).send({ code: 'aaaaa-aaaaa' }).expect(400);
        strict_1.default.deepEqual([wrong.body.code, wrong.body.message], ['CODE_INVALID', 'This recovery code is not valid.']);
        const failures = await (0, database_1.withClient)(db.url, async (c) => (await c.query(`SELECT consecutive FROM mfa_verify_failures WHERE user_id = 'double-submit'`)).rows[0].consecutive);
        strict_1.default.equal(failures, 1);
    });
});
//# sourceMappingURL=security-round-3.e2e-spec.js.map