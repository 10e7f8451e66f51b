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
(0, node_test_1.describe)('TOTP as the primary factor, SMS as its backup', () => {
    let db;
    let t;
    let secret;
    const events = [];
    const bearer = () => ({ Authorization: `Bearer ${t.token('tara')}` });
    const codeAt = (offsetSeconds = 0) => new otpauth_1.TOTP({ algorithm: 'SHA1', digits: 6, period: 30, secret }).generate({ timestamp: t.clock.now().getTime() + offsetSeconds * 1000 });
    (0, node_test_1.before)(async () => {
        db = await (0, database_1.createTestDatabase)();
        t = await (0, app_1.startTestApp)(db.url, { cooldownMinutes: 0, totpFailureThreshold: 3 });
        const emitter = t.app.get(event_emitter_1.EventEmitter2);
        for (const name of Object.values(mfa_events_1.MfaEvent))
            emitter.on(name, (payload) => events.push([name, payload]));
    });
    (0, node_test_1.after)(async () => {
        await t?.close();
        await db?.drop();
    });
    (0, node_test_1.it)('enrols with an otpauth URL for the app name, and stores the secret only encrypted', async () => {
        const res = await t.http.post('/mfa/totp/enroll').set(bearer()).expect(201);
        strict_1.default.match(res.body.otpauthUrl, /^otpauth:\/\/totp\/Haven%20Health:tara\?/);
        strict_1.default.match(res.body.otpauthUrl, /issuer=Haven%20Health/);
        strict_1.default.match(res.body.otpauthUrl, /algorithm=SHA1&digits=6&period=30/);
        secret = otpauth_1.Secret.fromBase32(res.body.secret);
        const [row] = await (0, database_1.withClient)(db.url, async (c) => (await c.query('SELECT * FROM mfa_totp_factors WHERE id = $1', [res.body.factorId])).rows);
        strict_1.default.match(row.key_id, /^[0-9a-f]{12}$/);
        strict_1.default.ok(!row.secret_enc.includes(Buffer.from(secret.bytes)));
        strict_1.default.ok(!row.secret_enc.toString('latin1').includes(res.body.secret));
    });
    (0, node_test_1.it)('activates with a live code, then verifies each code once', async () => {
        await t.http.post('/mfa/totp/activate').set(bearer()).send({ code: codeAt() }).expect(200);
        t.clock.advance(30_000);
        const verified = await t.http.post('/mfa/totp/verify').set(bearer()).send({ code: codeAt() }).expect(200);
        strict_1.default.deepEqual([verified.body.verified, verified.body.aal, verified.body.methods], [true, 'aal2', ['totp']]);
        const replay = await t.http.post('/mfa/totp/verify').set(bearer()).send({ code: codeAt() }).expect(400);
        strict_1.default.equal(replay.body.code, 'CODE_INVALID');
        strict_1.default.ok(events.some(([name, e]) => name === mfa_events_1.MfaEvent.TotpVerified && e.userId === 'tara'));
    });
    (0, node_test_1.it)('accepts one step of clock drift, not two', async () => {
        t.clock.advance(60_000);
        await t.http.post('/mfa/totp/verify').set(bearer()).send({ code: codeAt(-30) }).expect(200);
        t.clock.advance(90_000);
        await t.http.post('/mfa/totp/verify').set(bearer()).send({ code: codeAt(-60) }).expect(400);
        await t.http.post('/mfa/totp/verify').set(bearer()).send({ code: codeAt(60) }).expect(400);
    });
    (0, node_test_1.it)('throttles wrong codes', async () => {
        t.clock.advance(3600_000);
        const wrong = () => String((Number(codeAt()) + 1) % 1_000_000).padStart(6, '0');
        await t.http.post('/mfa/totp/verify').set(bearer()).send({ code: wrong() }).expect(400);
        const limited = await t.http.post('/mfa/totp/verify').set(bearer()).send({ code: codeAt() }).expect(429);
        strict_1.default.equal(limited.body.limit, 'totp_failures');
        strict_1.default.equal(limited.body.retryAfterSeconds, 30);
        t.clock.advance(30_000);
        await t.http.post('/mfa/totp/verify').set(bearer()).send({ code: codeAt() }).expect(200);
    });
    (0, node_test_1.it)('lists both kinds of factor, and a TOTP success lifts an SMS lockout', async () => {
        await (0, app_1.enrollVerified)(t, 'tara', '+14152018101');
        const factors = await t.http.get('/mfa/factors').set(bearer()).expect(200);
        strict_1.default.deepEqual(factors.body.map((f) => [f.type, f.verified]), [
            ['totp', true],
            ['sms', true],
        ]);
        await (0, database_1.withClient)(db.url, (c) => c.query(`INSERT INTO mfa_verify_failures (user_id, consecutive, updated_at) VALUES ('tara', 100, now())`));
        await t.http.post('/mfa/sms/challenge').set(bearer()).send({}).expect(202);
        const locked = await t.http.post('/mfa/sms/verify').set(bearer()).send({ code: (0, app_1.lastCode)(t, '+14152018101') }).expect(429);
        strict_1.default.equal(locked.body.limit, 'verify_failures');
        t.clock.advance(30_000);
        await t.http.post('/mfa/totp/verify').set(bearer()).send({ code: codeAt() }).expect(200);
        await t.http.post('/mfa/sms/verify').set(bearer()).send({ code: (0, app_1.lastCode)(t, '+14152018101') }).expect(200);
        strict_1.default.ok(events.some(([name, e]) => name === mfa_events_1.MfaEvent.SmsVerified && e.purpose === 'login'));
    });
    (0, node_test_1.it)('publishes a failed event for each refused TOTP, SMS and recovery code: the refusal as reason, never the code', async () => {
        t.clock.advance(3600_000);
        const from = events.length;
        const wrongTotp = String((Number(codeAt()) + 1) % 1_000_000).padStart(6, '0');
        const totp = await t.http.post('/mfa/totp/verify').set(bearer()).send({ code: wrongTotp }).expect(400);
        await t.http.post('/mfa/sms/challenge').set(bearer()).send({}).expect(202);
        const wrongSms = String((Number((0, app_1.lastCode)(t, '+14152018101')) + 1) % 1_000_000).padStart(6, '0');
        const sms = await t.http.post('/mfa/sms/verify').set(bearer()).send({ code: wrongSms }).expect(400);
        const recovery = await t.http.post('/mfa/recovery-codes/verify').set(bearer()).send({ code: 'abcde-12345' });
        strict_1.default.ok(recovery.status >= 400 && recovery.status < 500, `recovery verify answered ${recovery.status}`);
        const failed = events.slice(from).filter(([name]) => name.endsWith('.failed'));
        strict_1.default.deepEqual(failed.map(([name, e]) => [name, e.userId, e.reason]), [
            [mfa_events_1.MfaEvent.TotpFailed, 'tara', totp.body.code],
            [mfa_events_1.MfaEvent.SmsFailed, 'tara', sms.body.code],
            [mfa_events_1.MfaEvent.RecoveryCodeFailed, 'tara', recovery.body.code],
        ]);
        strict_1.default.equal(failed[1][1].purpose, 'login');
        const published = JSON.stringify(failed);
        for (const code of [wrongTotp, wrongSms, 'abcde-12345', '4152018101'])
            strict_1.default.ok(!published.includes(code), 'no code or number in an event');
    });
    (0, node_test_1.it)('sends the SMS in the language the request asks for', async () => {
        await t.http
            .post('/mfa/sms/enroll')
            .set({ Authorization: `Bearer ${t.token('francoise')}`, 'Accept-Language': 'fr-CH, fr;q=0.9, en;q=0.8' })
            .send({ phoneNumber: '+33612345171' })
            .expect(202);
        strict_1.default.match(t.outbox.lastMessageTo('+33612345171').body, /^Haven Health : votre code est \d{6}\./);
        await t.http
            .post('/mfa/sms/enroll')
            .set({ Authorization: `Bearer ${t.token('amina')}`, 'Accept-Language': 'so-SO' })
            .send({ phoneNumber: '+252612345172' })
            .expect(202);
        strict_1.default.match(t.outbox.lastMessageTo('+252612345172').body, /koodhkaagu waa \d{6}/);
    });
});
(0, node_test_1.describe)('TOTP lockouts hold under races, and stop at a hard limit', () => {
    let db;
    let t;
    let secret;
    const bearer = () => ({ Authorization: `Bearer ${t.token('racer')}` });
    const codeAt = () => new otpauth_1.TOTP({ algorithm: 'SHA1', digits: 6, period: 30, secret }).generate({ timestamp: t.clock.now().getTime() });
    const wrong = () => String((Number(codeAt()) + 1) % 1_000_000).padStart(6, '0');
    const failures = () => (0, database_1.withClient)(db.url, async (c) => (await c.query(`SELECT consecutive FROM mfa_totp_failures WHERE user_id = 'racer'`)).rows[0]?.consecutive ?? 0);
    (0, node_test_1.before)(async () => {
        db = await (0, database_1.createTestDatabase)();
        t = await (0, app_1.startTestApp)(db.url, { cooldownMinutes: 0, totpFailureThreshold: 3, totpFailureHardLimit: 8 });
        const enrolled = await t.http.post('/mfa/totp/enroll').set(bearer()).expect(201);
        secret = otpauth_1.Secret.fromBase32(enrolled.body.secret);
        await t.http.post('/mfa/totp/activate').set(bearer()).send({ code: codeAt() }).expect(200);
    });
    (0, node_test_1.after)(async () => {
        await t?.close();
        await db?.drop();
    });
    (0, node_test_1.it)('100 parallel guesses right after a lock expires: exactly one is checked', async () => {
        for (let i = 0; i < 3; i++)
            await t.http.post('/mfa/totp/verify').set(bearer()).send({ code: wrong() }).expect(400);
        strict_1.default.equal(await failures(), 3);
        t.clock.advance(30_000);
        const results = await Promise.all(Array.from({ length: 100 }, () => t.http.post('/mfa/totp/verify').set(bearer()).send({ code: wrong() })));
        const counts = results.reduce((n, r) => ({ ...n, [r.status]: (n[r.status] ?? 0) + 1 }), {});
        strict_1.default.deepEqual(counts, { 400: 1, 429: 99 });
        strict_1.default.equal(await failures(), 4, 'one guess counted');
    });
    (0, node_test_1.it)('the hard limit stops TOTP even for the right code; an admin reset restores it', async () => {
        for (let run = await failures(); run < 8; run++) {
            t.clock.advanceMinutes(60);
            await t.http.post('/mfa/totp/verify').set(bearer()).send({ code: wrong() }).expect(400);
        }
        t.clock.advanceMinutes(24 * 60);
        const stopped = await t.http.post('/mfa/totp/verify').set(bearer()).send({ code: codeAt() }).expect(429);
        strict_1.default.equal(stopped.body.limit, 'totp_failures');
        strict_1.default.equal(stopped.body.retryAfterSeconds, undefined);
        await t.http.delete('/admin/sms/verify-lockouts/racer').set({ Authorization: `Bearer ${t.token('ops', ['admin'])}` }).expect(204);
        await t.http.post('/mfa/totp/verify').set(bearer()).send({ code: codeAt() }).expect(200);
        strict_1.default.equal(await failures(), 0);
    });
    (0, node_test_1.it)('a success with another factor also lifts the TOTP hard stop', async () => {
        await (0, database_1.withClient)(db.url, (c) => c.query(`INSERT INTO mfa_totp_failures (user_id, consecutive, updated_at) VALUES ('racer', 8, now())`));
        await (0, app_1.enrollVerified)(t, 'racer', '+14152018402');
        const factors = (await t.http.get('/mfa/factors').set(bearer()).expect(200)).body;
        strict_1.default.ok(factors.some((f) => f.type === 'sms' && f.verified));
        t.clock.advance(30_000);
        await t.http.post('/mfa/totp/verify').set(bearer()).send({ code: codeAt() }).expect(429);
        await t.http.post('/mfa/sms/challenge').set(bearer()).send({}).expect(202);
        await t.http.post('/mfa/sms/verify').set(bearer()).send({ code: (0, app_1.lastCode)(t, '+14152018402') }).expect(200);
        await t.http.post('/mfa/totp/verify').set(bearer()).send({ code: codeAt() }).expect(200);
    });
});
(0, node_test_1.describe)('TOTP secrets under a key that is no longer configured', () => {
    let db;
    const oldKey = 'a1'.repeat(32);
    const newKey = 'b2'.repeat(32);
    const storedKeyId = async () => (0, database_1.withClient)(db.url, async (c) => (await c.query(`SELECT key_id FROM mfa_totp_factors WHERE user_id = 'kim'`)).rows[0].key_id);
    (0, node_test_1.after)(async () => {
        await db?.drop();
    });
    (0, node_test_1.it)('answer 503 SERVICE_UNAVAILABLE at no guess and no failed event, name the key in the log, open again once the key is back, and tell an altered secret apart', async () => {
        db = await (0, database_1.createTestDatabase)();
        const bearer = (t) => ({ Authorization: `Bearer ${t.token('kim')}` });
        const before = await (0, app_1.startTestApp)(db.url, { encryptionKey: oldKey });
        let secret;
        const codeAt = (t) => new otpauth_1.TOTP({ algorithm: 'SHA1', digits: 6, period: 30, secret }).generate({ timestamp: t.clock.now().getTime() });
        try {
            const enrolled = await before.http.post('/mfa/totp/enroll').set(bearer(before)).expect(201);
            secret = otpauth_1.Secret.fromBase32(enrolled.body.secret);
            await before.http.post('/mfa/totp/activate').set(bearer(before)).send({ code: codeAt(before) }).expect(200);
        }
        finally {
            await before.close();
        }
        const keyId = await storedKeyId();
        const rotatedWithoutOld = await (0, app_1.startTestApp)(db.url, { encryptionKey: newKey });
        try {
            rotatedWithoutOld.clock.advance(60_000);
            const failedEvents = [];
            rotatedWithoutOld.app.get(event_emitter_1.EventEmitter2).on(mfa_events_1.MfaEvent.TotpFailed, (p) => failedEvents.push(p));
            const code = codeAt(rotatedWithoutOld);
            const res = await rotatedWithoutOld.http.post('/mfa/totp/verify').set(bearer(rotatedWithoutOld)).send({ code }).expect(503);
            strict_1.default.deepEqual([res.body.code, res.body.retryAfterSeconds], ['SERVICE_UNAVAILABLE', 300]);
            strict_1.default.deepEqual(failedEvents, [], 'not a failed attempt: no mfa.totp.failed');
            const guesses = await (0, database_1.withClient)(db.url, async (c) => (await c.query(`SELECT count(*)::int AS n FROM mfa_totp_failures WHERE user_id = 'kim'`)).rows[0].n);
            strict_1.default.equal(guesses, 0, 'no guess taken');
            strict_1.default.ok(rotatedWithoutOld.logs.lines.some((l) => l.includes(`sealed under key id ${keyId}, which is not configured`)), 'the log names the key id');
            strict_1.default.ok(!rotatedWithoutOld.logs.lines.some((l) => l.includes(oldKey) || l.includes(newKey) || l.includes(code)), 'no key or code in the log');
        }
        finally {
            await rotatedWithoutOld.close();
        }
        const rotated = await (0, app_1.startTestApp)(db.url, { encryptionKey: newKey, previousEncryptionKeys: [oldKey] });
        try {
            rotated.clock.advance(120_000);
            await rotated.http.post('/mfa/totp/verify').set(bearer(rotated)).send({ code: codeAt(rotated) }).expect(200);
            const resealed = await storedKeyId();
            strict_1.default.notEqual(resealed, keyId, 're-sealed under the current key on use');
            await (0, database_1.withClient)(db.url, (c) => c.query(`UPDATE mfa_totp_factors SET secret_enc = set_byte(secret_enc, 40, get_byte(secret_enc, 40) # 1) WHERE user_id = 'kim'`));
            rotated.clock.advance(60_000);
            await rotated.http.post('/mfa/totp/verify').set(bearer(rotated)).send({ code: codeAt(rotated) }).expect(503);
            strict_1.default.ok(rotated.logs.lines.some((l) => l.includes(`fails its integrity check under key id ${resealed}`)), 'an integrity failure is named as such');
        }
        finally {
            await rotated.close();
        }
    });
});
//# sourceMappingURL=totp.e2e-spec.js.map