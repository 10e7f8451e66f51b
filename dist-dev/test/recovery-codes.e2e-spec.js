"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
const strict_1 = __importDefault(require("node:assert/strict"));
const node_test_1 = require("node:test");
const app_1 = require("./support/app");
const database_1 = require("./support/database");
const phone = (i) => `+1415201${String(8300 + i)}`;
(0, node_test_1.describe)('recovery codes', () => {
    let db;
    let t;
    const bearer = (user, sid = `session-of-${user}`) => ({ Authorization: `Bearer ${t.token(user, [], sid)}` });
    const use = (user, code, sid) => t.http.post('/mfa/recovery-codes/verify').set(bearer(user, sid)).send({ code });
    let numbers = 0;
    const codesFor = async (user) => {
        await (0, app_1.enrollVerified)(t, user, phone(100 + ++numbers));
        return (await t.http.post('/mfa/recovery-codes').set(bearer(user)).expect(201)).body.codes;
    };
    const recoverySet = async (user) => (await t.http.get('/mfa/factors').set(bearer(user)).expect(200)).body.filter((f) => f.type === 'recovery_codes');
    (0, node_test_1.before)(async () => {
        db = await (0, database_1.createTestDatabase)();
        t = await (0, app_1.startTestApp)(db.url, { cooldownMinutes: 0, verifyFailureThreshold: 3, verifyFailureHardLimit: 6 });
    });
    (0, node_test_1.after)(async () => {
        await t?.close();
        await db?.drop();
    });
    (0, node_test_1.it)('gives ten codes of 50 bits, shown once and stored only as keyed hashes', async () => {
        const codes = await codesFor('r1');
        strict_1.default.equal(codes.length, 10);
        strict_1.default.equal(new Set(codes).size, 10);
        for (const code of codes)
            strict_1.default.match(code, /^[0-9a-hjkmnp-tv-z]{5}-[0-9a-hjkmnp-tv-z]{5}$/);
        const rows = await (0, database_1.withClient)(db.url, async (c) => (await c.query(`SELECT * FROM mfa_recovery_codes WHERE user_id = 'r1'`)).rows);
        strict_1.default.equal(rows.length, 10);
        const stored = JSON.stringify(rows.map((r) => ({ ...r, code_hash: r.code_hash.toString('latin1') })));
        for (const code of codes)
            strict_1.default.ok(!stored.includes(code) && !stored.includes(code.replace('-', '')));
        strict_1.default.deepEqual((await recoverySet('r1')).map((f) => f.remaining), [10]);
    });
    (0, node_test_1.it)('each code works once, in any case and spacing, and raises the session to aal2', async () => {
        const codes = await codesFor('r2');
        const typed = ` ${codes[0].toUpperCase().replace('-', ' - ')} `;
        const ok = await use('r2', typed, 'other-session').expect(200);
        strict_1.default.deepEqual([ok.body.verified, ok.body.aal, ok.body.methods, ok.body.remaining], [true, 'aal2', ['recovery_code'], 9]);
        const again = await use('r2', codes[0], 'other-session').expect(400);
        strict_1.default.equal(again.body.code, 'CODE_INVALID');
        strict_1.default.equal((await recoverySet('r2'))[0].remaining, 9);
        strict_1.default.equal((await use('r2', 'not a code').expect(400)).body.code, 'VALIDATION_FAILED');
    });
    (0, node_test_1.it)('10 concurrent uses of one code give exactly one 200', async () => {
        const codes = await codesFor('r3');
        const results = await Promise.all(Array.from({ length: 10 }, () => use('r3', codes[1])));
        strict_1.default.equal(results.filter((r) => r.status === 200).length, 1);
        strict_1.default.ok(results.every((r) => r.status === 200 || (r.status === 400 && r.body.code === 'CODE_INVALID') || r.status === 429));
        const left = await (0, database_1.withClient)(db.url, async (c) => (await c.query(`SELECT count(*)::int AS n FROM mfa_recovery_codes WHERE user_id = 'r3' AND used_at IS NULL`)).rows[0].n);
        strict_1.default.equal(left, 9);
    });
    (0, node_test_1.it)('regeneration kills the old set', async () => {
        const old = await codesFor('r4');
        const fresh = (await t.http.post('/mfa/recovery-codes').set(bearer('r4')).expect(201)).body.codes;
        strict_1.default.equal((await use('r4', old[1]).expect(400)).body.code, 'CODE_INVALID');
        await use('r4', fresh[0]).expect(200);
        strict_1.default.deepEqual((await recoverySet('r4')).map((f) => f.remaining), [9]);
    });
    (0, node_test_1.it)('50 concurrent regenerations leave exactly one set of ten', async () => {
        await codesFor('r10');
        const results = await Promise.all(Array.from({ length: 50 }, () => t.http.post('/mfa/recovery-codes').set(bearer('r10'))));
        strict_1.default.ok(results.every((r) => r.status === 201));
        const [stored] = await (0, database_1.withClient)(db.url, async (c) => (await c.query(`SELECT count(*)::int AS codes, count(DISTINCT set_id)::int AS sets FROM mfa_recovery_codes WHERE user_id = 'r10'`)).rows);
        strict_1.default.deepEqual(stored, { codes: 10, sets: 1 });
        strict_1.default.deepEqual((await recoverySet('r10')).map((f) => f.remaining), [10]);
    });
    (0, node_test_1.it)('wrong codes lock out exactly as wrong SMS codes do, on the same run of failures', async () => {
        const number = phone(5);
        await (0, app_1.enrollVerified)(t, 'r5', number);
        const { codes } = (await t.http.post('/mfa/recovery-codes').set(bearer('r5')).expect(201)).body;
        await use('r5', 'aaaaa-aaaaa').expect(400);
        await t.http.post('/mfa/sms/challenge').set(bearer('r5')).send({}).expect(202);
        const right = (0, app_1.lastCode)(t, number);
        await t.http.post('/mfa/sms/verify').set(bearer('r5')).send({ code: right === '000000' ? '111111' : '000000' }).expect(400);
        await use('r5', 'bbbbb-bbbbb').expect(400);
        for (const refused of [use('r5', codes[0]), t.http.post('/mfa/sms/verify').set(bearer('r5')).send({ code: right })]) {
            const res = await refused.expect(429);
            strict_1.default.deepEqual([res.body.limit, res.body.retryAfterSeconds], ['verify_failures', 30]);
        }
        t.clock.advance(30_000);
        await use('r5', codes[0]).expect(200);
        for (const wrong of ['ccccc-ccccc', 'ddddd-ddddd', 'eeeee-eeeee'])
            await use('r5', wrong).expect(400);
        t.clock.advance(30_000);
        await use('r5', 'fffff-fffff').expect(400);
        t.clock.advance(60_000);
        await use('r5', 'ggggg-ggggg').expect(400);
        t.clock.advance(120_000);
        await use('r5', 'hhhhh-hhhhh').expect(400);
        t.clock.advanceMinutes(120);
        const stopped = await use('r5', codes[1]).expect(429);
        strict_1.default.equal(stopped.body.retryAfterSeconds, undefined, 'no wait ends a hard stop');
        await t.http.delete('/admin/sms/verify-lockouts/r5').set({ Authorization: `Bearer ${t.token('ops', ['admin'])}` }).expect(204);
        await use('r5', codes[1]).expect(200);
    });
    (0, node_test_1.it)('need a real factor to back up, and without codes a guess is refused without counting', async () => {
        const refused = await t.http.post('/mfa/recovery-codes').set(bearer('r7')).expect(403);
        strict_1.default.equal(refused.body.code, 'FORBIDDEN', 'the password alone cannot make codes and reach aal2 with them');
        for (let i = 0; i < 5; i++)
            strict_1.default.equal((await use('r7', 'aaaaa-aaaaa').expect(400)).body.code, 'NO_ACTIVE_CHALLENGE');
        const run = await (0, database_1.withClient)(db.url, async (c) => (await c.query(`SELECT count(*)::int AS n FROM mfa_verify_failures WHERE user_id = 'r7'`)).rows[0].n);
        strict_1.default.equal(run, 0, 'no lockout for the owner');
    });
    (0, node_test_1.it)('are not counted as the last factor', async () => {
        await (0, app_1.enrollVerified)(t, 'r6', phone(6));
        await t.http.post('/mfa/recovery-codes').set(bearer('r6')).expect(201);
        const sms = (await t.http.get('/mfa/factors').set(bearer('r6')).expect(200)).body.find((f) => f.type === 'sms');
        strict_1.default.equal((await t.http.delete(`/mfa/factors/${sms.id}`).set(bearer('r6')).expect(409)).body.code, 'LAST_FACTOR');
        const set = (await t.http.get('/mfa/factors').set(bearer('r6')).expect(200)).body.find((f) => f.type === 'recovery_codes');
        await t.http.delete(`/mfa/factors/${set.id}`).set(bearer('r6')).expect(204);
    });
});
//# sourceMappingURL=recovery-codes.e2e-spec.js.map