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
const bearer = (t, userId, roles = []) => ({ Authorization: `Bearer ${t.token(userId, roles)}` });
const enroll = (t, userId, phoneNumber) => t.http.post('/mfa/sms/enroll').set(bearer(t, userId)).send({ phoneNumber });
async function seedHistory(db, prefix, count, verified, minutesAgo, at, accounts = count) {
    await (0, database_1.withClient)(db.url, (c) => c.query(`INSERT INTO mfa_challenges (id, user_id, phone_e164, purpose, code_hash, expires_at, max_attempts, created_at,
                                   consumed_at, invalidated_at, prefix, country)
       SELECT gen_random_uuid(), 'seed-' || (g % $6), $1 || lpad(g::text, 6, '0'), 'enroll', '\\x00', $3, 3,
              $3::timestamptz - make_interval(mins => $4), CASE WHEN g <= $5 THEN $3::timestamptz END,
              CASE WHEN g > $5 THEN $3::timestamptz END, $1, 'US'
         FROM generate_series(1, $2) g`, [prefix, count, at, minutesAgo, verified, accounts]));
}
(0, node_test_1.describe)('fraud rules on real traffic history', () => {
    let db;
    let t;
    (0, node_test_1.before)(async () => {
        db = await (0, database_1.createTestDatabase)();
        t = await (0, app_1.startTestApp)(db.url, {
            cooldownMinutes: 0,
            fraudVelocityMinSends: 20,
            fraudConversionMinSends: 20,
            fraudMaxNumbersPerIp: 100_000,
        });
    });
    (0, node_test_1.after)(async () => {
        await t?.close();
        await db?.drop();
    });
    (0, node_test_1.beforeEach)(() => (0, database_1.withClient)(db.url, (c) => c.query('TRUNCATE mfa_challenges, sms_fraud_events CASCADE')));
    async function events(rule) {
        return (0, database_1.withClient)(db.url, async (c) => (await c.query('SELECT * FROM sms_fraud_events WHERE rule = $1', [rule])).rows);
    }
    (0, node_test_1.it)('refuses unverified pumping to one number range (prefix_velocity) on a warm baseline, records the event and counts it', async () => {
        await seedHistory(db, '+14153', 300, 10, 300, t.clock.now());
        await seedHistory(db, '+14153', 25, 0, 2, t.clock.now());
        const res = await enroll(t, 'victim', '+14153017002').expect(403);
        strict_1.default.equal(res.body.code, 'SUSPICIOUS_NUMBER');
        strict_1.default.equal(t.outbox.messagesTo('+14153017002').length, 0, 'no SMS sent');
        const [event] = await events('prefix_velocity');
        strict_1.default.equal(event.action, 'blocked');
        strict_1.default.equal(event.masked_phone, '+1 ••• ••• 7002');
        strict_1.default.equal(event.prefix, '+14153');
        strict_1.default.equal(event.country, 'US');
        strict_1.default.equal(event.user_id, 'victim');
        strict_1.default.match(event.detail, /26 requesters in 10 min/);
        const metrics = await t.http.get('/metrics').expect(200);
        strict_1.default.match(metrics.text, /sms_fraud_triggers_total\{rule="prefix_velocity"\} 1/);
    });
    (0, node_test_1.it)('lets a verified surge through: the burst is real people, their codes are used', async () => {
        await seedHistory(db, '+14158', 300, 270, 300, t.clock.now());
        await seedHistory(db, '+14158', 100, 90, 5, t.clock.now());
        await seedHistory(db, '+14158', 60, 0, 1, t.clock.now());
        await enroll(t, 'arrival', '+14158017008').expect(202);
        strict_1.default.deepEqual(await events('prefix_velocity'), []);
    });
    (0, node_test_1.it)('only monitors a burst on a cold range (no baseline yet)', async () => {
        await seedHistory(db, '+14159', 25, 0, 1, t.clock.now());
        await enroll(t, 'early', '+14159017009').expect(202);
        const [event] = await events('prefix_velocity');
        strict_1.default.equal(event.action, 'monitored');
    });
    (0, node_test_1.it)('refuses a range whose codes are never used (low_conversion)', async () => {
        await seedHistory(db, '+14154', 30, 1, 60, t.clock.now());
        const res = await enroll(t, 'conv', '+14154017003').expect(403);
        strict_1.default.equal(res.body.code, 'SUSPICIOUS_NUMBER');
        strict_1.default.equal((await events('low_conversion')).length, 1);
    });
    (0, node_test_1.it)('allows a range with healthy conversion and steady traffic', async () => {
        await seedHistory(db, '+14156', 30, 27, 60, t.clock.now());
        await enroll(t, 'fine', '+14156017004').expect(202);
    });
    (0, node_test_1.it)('20 enrolments from a few accounts do not close a range, and a flagged range stays open to proven users', async () => {
        await seedHistory(db, '+14153', 20, 0, 30, t.clock.now(), 3);
        await enroll(t, 'newcomer', '+14153017010').expect(202);
        await seedHistory(db, '+14154', 40, 0, 60, t.clock.now());
        await (0, app_1.enrollVerified)(t, 'regular', '+14152017020');
        await enroll(t, 'regular', '+14154017021').expect(202);
        await enroll(t, 'stranger', '+14154017022').expect(403);
        const totp = await t.http.post('/mfa/totp/enroll').set(bearer(t, 'app-only')).expect(201);
        const code = new otpauth_1.TOTP({ secret: otpauth_1.Secret.fromBase32(totp.body.secret) }).generate({ timestamp: t.clock.now().getTime() });
        await t.http.post('/mfa/totp/activate').set(bearer(t, 'app-only')).send({ code }).expect(200);
        await enroll(t, 'app-only', '+14154017023').expect(403);
    });
    (0, node_test_1.it)('refuses a user cycling through many numbers (numbers_per_user)', async () => {
        await enroll(t, 'cycler', '+14152017011').expect(202);
        await enroll(t, 'cycler', '+14152017012').expect(202);
        await enroll(t, 'cycler', '+14152017013').expect(202);
        const fourth = await enroll(t, 'cycler', '+14152017014').expect(403);
        strict_1.default.equal(fourth.body.code, 'SUSPICIOUS_NUMBER');
        strict_1.default.equal((await events('numbers_per_user')).length, 1);
    });
    (0, node_test_1.it)('refuses fictional ranges, digit patterns and premium-rate numbers', async () => {
        strict_1.default.equal((await enroll(t, 'p1', '+14155550123').expect(403)).body.code, 'SUSPICIOUS_NUMBER');
        strict_1.default.equal((await enroll(t, 'p2', '+14157777777').expect(403)).body.code, 'SUSPICIOUS_NUMBER');
        strict_1.default.equal((await enroll(t, 'p3', '+19002017001').expect(403)).body.code, 'SUSPICIOUS_NUMBER');
        strict_1.default.equal((await events('test_range')).length, 1);
        strict_1.default.equal((await events('digit_pattern')).length, 1);
        strict_1.default.equal((await events('line_type')).length, 1);
    });
    (0, node_test_1.it)('only records in monitor mode', async () => {
        const monitor = await (0, app_1.startTestApp)(db.url, { cooldownMinutes: 0, fraudMode: 'monitor', fraudVelocityMinSends: 20 });
        try {
            await seedHistory(db, '+14157', 300, 10, 300, monitor.clock.now());
            await seedHistory(db, '+14157', 25, 0, 2, monitor.clock.now());
            await enroll(monitor, 'watched', '+14157017005').expect(202);
            const [event] = await events('prefix_velocity');
            strict_1.default.equal(event.action, 'monitored');
        }
        finally {
            await monitor.close();
        }
    });
});
(0, node_test_1.describe)('admin API: country rules and fraud events', () => {
    let db;
    let a;
    let b;
    const admin = (t) => bearer(t, 'ops-lead', ['admin']);
    (0, node_test_1.before)(async () => {
        db = await (0, database_1.createTestDatabase)();
        a = await (0, app_1.startTestApp)(db.url, { cooldownMinutes: 0, blockedCountries: ['KP'] });
        b = await (0, app_1.startTestApp)(db.url, { cooldownMinutes: 0 });
    });
    (0, node_test_1.after)(async () => {
        await a?.close();
        await b?.close();
        await db?.drop();
    });
    (0, node_test_1.it)('requires authentication and the admin role', async () => {
        await a.http.get('/admin/sms/country-rules').expect(401);
        const forbidden = await a.http.get('/admin/sms/country-rules').set(bearer(a, 'someone')).expect(403);
        strict_1.default.equal(forbidden.body.code, 'FORBIDDEN');
        await a.http.put('/admin/sms/country-rules/FR').set(bearer(a, 'someone')).send({ action: 'block' }).expect(403);
        await a.http.get('/admin/sms/fraud-events').set(bearer(a, 'someone')).expect(403);
    });
    (0, node_test_1.it)('seeds the rules from the environment', async () => {
        const rules = await a.http.get('/admin/sms/country-rules').set(admin(a)).expect(200);
        strict_1.default.deepEqual(rules.body.map((r) => [r.country, r.action, r.updatedBy]), [['KP', 'block', 'environment']]);
    });
    (0, node_test_1.it)('applies a rule change to the next send on every instance, and records who made it', async () => {
        await (0, app_1.enrollVerified)(b, 'traveller', '+33612345078');
        const put = await a.http.put('/admin/sms/country-rules/fr').set(admin(a)).send({ action: 'block', reason: 'pumping wave' }).expect(200);
        strict_1.default.equal(put.body.country, 'FR');
        strict_1.default.equal(put.body.updatedBy, 'ops-lead');
        const refused = await b.http.post('/mfa/sms/challenge').set(bearer(b, 'traveller')).send({}).expect(403);
        strict_1.default.equal(refused.body.code, 'COUNTRY_NOT_ALLOWED');
        strict_1.default.equal((await enroll(b, 'newcomer', '+33612345079').expect(403)).body.code, 'COUNTRY_NOT_ALLOWED');
        await a.http.delete('/admin/sms/country-rules/FR').set(admin(a)).expect(204);
        await a.http.delete('/admin/sms/country-rules/FR').set(admin(a)).expect(404);
        await b.http.post('/mfa/sms/challenge').set(bearer(b, 'traveller')).send({}).expect(202);
        const audit = await (0, database_1.withClient)(db.url, async (c) => (await c.query(`SELECT * FROM sms_country_rule_changes WHERE country = 'FR' ORDER BY id`)).rows);
        strict_1.default.deepEqual(audit.map((r) => [r.action, r.changed_by]), [['block', 'ops-lead'], [null, 'ops-lead']]);
    });
    (0, node_test_1.it)('with an allow list, only listed countries get SMS', async () => {
        await a.http.put('/admin/sms/country-rules/US').set(admin(a)).send({ action: 'allow' }).expect(200);
        try {
            await enroll(b, 'us-user', '+14152017021').expect(202);
            strict_1.default.equal((await enroll(b, 'uk-user', '+447911204540').expect(403)).body.code, 'COUNTRY_NOT_ALLOWED');
        }
        finally {
            await a.http.delete('/admin/sms/country-rules/US').set(admin(a)).expect(204);
        }
    });
    (0, node_test_1.it)('validates countries and bodies', async () => {
        strict_1.default.equal((await a.http.put('/admin/sms/country-rules/XX').set(admin(a)).send({ action: 'block' }).expect(400)).body.code, 'VALIDATION_FAILED');
        await a.http.put('/admin/sms/country-rules/FRA').set(admin(a)).send({ action: 'block' }).expect(400);
        await a.http.put('/admin/sms/country-rules/FR').set(admin(a)).send({ action: 'maybe' }).expect(400);
        await a.http.put('/admin/sms/country-rules/FR').set(admin(a)).send({ action: 'block', reason: 'x'.repeat(500) }).expect(400);
    });
    (0, node_test_1.it)('lists fraud events newest first, filtered and paged', async () => {
        await enroll(a, 'f1', '+14155550111').expect(403);
        await enroll(a, 'f2', '+14155550112').expect(403);
        await enroll(a, 'f3', '+14158888888').expect(403);
        const all = await a.http.get('/admin/sms/fraud-events').set(admin(a)).expect(200);
        strict_1.default.deepEqual(all.body.items.map((e) => e.rule), ['digit_pattern', 'test_range', 'test_range']);
        strict_1.default.ok(all.body.items.every((e) => e.maskedPhone.includes('•••')));
        const page1 = await a.http.get('/admin/sms/fraud-events?rule=test_range&limit=1').set(admin(a)).expect(200);
        strict_1.default.equal(page1.body.items.length, 1);
        strict_1.default.equal(page1.body.items[0].userId, 'f2');
        const page2 = await a.http.get(`/admin/sms/fraud-events?rule=test_range&limit=1&before=${page1.body.nextBefore}`).set(admin(a)).expect(200);
        strict_1.default.equal(page2.body.items[0].userId, 'f1');
        const none = await a.http.get('/admin/sms/fraud-events?country=FR').set(admin(a)).expect(200);
        strict_1.default.deepEqual(none.body.items, []);
        const future = new Date(a.clock.now().getTime() + 60_000).toISOString();
        strict_1.default.equal((await a.http.get(`/admin/sms/fraud-events?from=${future}`).set(admin(a)).expect(200)).body.items.length, 0);
        await a.http.get('/admin/sms/fraud-events?limit=0').set(admin(a)).expect(400);
        await a.http.get('/admin/sms/fraud-events?from=yesterday').set(admin(a)).expect(400);
    });
});
//# sourceMappingURL=fraud-and-admin.e2e-spec.js.map