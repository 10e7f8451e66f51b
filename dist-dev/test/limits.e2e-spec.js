"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
const strict_1 = __importDefault(require("node:assert/strict"));
const node_test_1 = require("node:test");
const ioredis_1 = __importDefault(require("ioredis"));
const app_1 = require("./support/app");
const database_1 = require("./support/database");
const providers_1 = require("./support/providers");
const phone = (i) => `+1415201${String(7000 + i)}`;
const auth = (t, userId) => ({ Authorization: `Bearer ${t.token(userId)}` });
function enrollFor(t, userId, number) {
    return t.http.post('/mfa/sms/enroll').set(auth(t, userId)).send({ phoneNumber: number });
}
function statuses(results) {
    const counts = {};
    for (const r of results)
        counts[r.status] = (counts[r.status] ?? 0) + 1;
    return counts;
}
(0, node_test_1.describe)('send limits hold exactly under concurrency and across instances', () => {
    let db;
    (0, node_test_1.before)(async () => {
        db = await (0, database_1.createTestDatabase)();
    });
    (0, node_test_1.after)(async () => {
        await db?.drop();
    });
    async function withApps(count, config, run) {
        const apps = await Promise.all(Array.from({ length: count }, () => (0, app_1.startTestApp)(db.url, config)));
        await (0, database_1.withClient)(db.url, (c) => c.query('TRUNCATE sms_send_counters, sms_send_log, mfa_challenges, mfa_sms_factors CASCADE'));
        try {
            await run(apps);
        }
        finally {
            await Promise.all(apps.map((a) => a.close()));
        }
    }
    (0, node_test_1.it)('user cooldown: of 50 parallel challenges for one user exactly one is sent', async () => {
        await withApps(1, { cooldownMinutes: 1 }, async ([t]) => {
            await (0, app_1.enrollVerified)(t, 'cool', phone(1));
            t.clock.advanceMinutes(5);
            const before = t.outbox.sent.length;
            const results = await Promise.all(Array.from({ length: 50 }, () => t.http.post('/mfa/sms/challenge').set(auth(t, 'cool')).send({})));
            strict_1.default.deepEqual(statuses(results), { 202: 1, 429: 49 });
            strict_1.default.equal(t.outbox.sent.length - before, 1, 'one provider send');
            const refused = results.find((r) => r.status === 429);
            strict_1.default.equal(refused.body.code, 'COOLDOWN');
            strict_1.default.ok(Number(refused.headers['retry-after']) >= 1);
        });
    });
    (0, node_test_1.it)('number enrolment limit, across two instances: 50 users enrolling one number in parallel get exactly SMS_ENROLL_NUMBER_HOURLY_LIMIT sends', async () => {
        await withApps(2, { cooldownMinutes: 0, enrollNumberHourlyLimit: 3 }, async (apps) => {
            const results = await Promise.all(Array.from({ length: 50 }, (_, i) => enrollFor(apps[i % 2], `pump-${i}`, phone(2))));
            strict_1.default.deepEqual(statuses(results), { 202: 3, 429: 47 });
            strict_1.default.equal(apps[0].outbox.messagesTo(phone(2)).length + apps[1].outbox.messagesTo(phone(2)).length, 3);
            const refused = results.find((r) => r.status === 429);
            strict_1.default.equal(refused.body.code, 'RATE_LIMITED');
            strict_1.default.equal(refused.body.limit, 'enroll_phone_hourly');
            strict_1.default.equal(refused.headers['retry-after'], String(refused.body.retryAfterSeconds));
        });
    });
    (0, node_test_1.it)('IP hourly limit, across two instances: 50 parallel enrolments from one address get exactly 20 sends', async () => {
        await withApps(2, { cooldownMinutes: 0, ipHourlyLimit: 20 }, async (apps) => {
            const results = await Promise.all(Array.from({ length: 50 }, (_, i) => enrollFor(apps[i % 2], `ip-user-${i}`, phone(100 + i))));
            strict_1.default.deepEqual(statuses(results), { 202: 20, 429: 30 });
            strict_1.default.equal(apps[0].outbox.sent.length + apps[1].outbox.sent.length, 20, 'one provider send per 202');
            strict_1.default.ok(results.filter((r) => r.status === 429).every((r) => r.body.limit === 'ip_hourly'));
        });
    });
    (0, node_test_1.it)('user hourly and daily limits, across two instances, with Retry-After to the window edge', async () => {
        await withApps(2, { cooldownMinutes: 0, hourlyLimit: 3, dailyLimit: 5 }, async ([a, b]) => {
            await (0, app_1.enrollVerified)(a, 'busy', phone(3));
            const sendBoth = () => Promise.all([
                a.http.post('/mfa/sms/challenge').set(auth(a, 'busy')).send({}),
                b.http.post('/mfa/sms/challenge').set(auth(b, 'busy')).send({}),
            ]);
            let accepted = 1;
            for (let i = 0; i < 4; i++)
                accepted += (await sendBoth()).filter((r) => r.status === 202).length;
            strict_1.default.equal(accepted, 3, 'the hourly limit, whichever instance is asked');
            const refused = await a.http.post('/mfa/sms/challenge').set(auth(a, 'busy')).send({}).expect(429);
            strict_1.default.equal(refused.body.limit, 'user_hourly');
            strict_1.default.ok(refused.body.retryAfterSeconds > 0 && refused.body.retryAfterSeconds <= 3600);
            for (const t of [a, b])
                t.clock.advanceMinutes(61);
            await a.http.post('/mfa/sms/challenge').set(auth(a, 'busy')).send({}).expect(202);
            await b.http.post('/mfa/sms/challenge').set(auth(b, 'busy')).send({}).expect(202);
            const daily = await a.http.post('/mfa/sms/challenge').set(auth(a, 'busy')).send({}).expect(429);
            strict_1.default.equal(daily.body.limit, 'user_daily');
            for (const t of [a, b])
                t.clock.advanceMinutes(24 * 60);
            await b.http.post('/mfa/sms/challenge').set(auth(b, 'busy')).send({}).expect(202);
        });
    });
    (0, node_test_1.it)('progressive cooldown: each further send in the day doubles the wait (1, 2, 4 … minutes)', async () => {
        await withApps(1, { cooldownMinutes: 1, cooldownMaxMinutes: 4 }, async ([t]) => {
            await (0, app_1.enrollVerified)(t, 'patient', phone(4));
            const challenge = () => t.http.post('/mfa/sms/challenge').set(auth(t, 'patient')).send({});
            t.clock.advanceMinutes(1);
            const second = await challenge().expect(202);
            strict_1.default.equal(new Date(second.body.resendAvailableAt).getTime() - t.clock.now().getTime(), 2 * 60_000);
            t.clock.advanceMinutes(1);
            const early = await challenge().expect(429);
            strict_1.default.equal(early.body.code, 'COOLDOWN');
            strict_1.default.equal(early.body.limit, 'user_cooldown');
            strict_1.default.equal(early.body.retryAfterSeconds, 60);
            t.clock.advanceMinutes(1);
            await challenge().expect(202);
            t.clock.advanceMinutes(3);
            strict_1.default.equal((await challenge().expect(429)).body.retryAfterSeconds, 60);
            t.clock.advanceMinutes(1);
            const capped = await challenge().expect(202);
            strict_1.default.equal(new Date(capped.body.resendAvailableAt).getTime() - t.clock.now().getTime(), 4 * 60_000);
        });
    });
    (0, node_test_1.it)('does not count a send that no provider took', async () => {
        const fakes = await (0, providers_1.startProviderFakes)();
        try {
            await withApps(1, { ...fakes.config, hourlyLimit: 1, cooldownMinutes: 0 }, async ([t]) => {
                fakes.twilio.reset({ kind: 'server-error' });
                fakes.sns.reset({ kind: 'server-error' });
                await enrollFor(t, 'unlucky', phone(5)).expect(503);
                await enrollFor(t, 'unlucky', phone(5)).expect(503);
                fakes.twilio.reset();
                fakes.sns.reset();
                const ok = await enrollFor(t, 'unlucky', phone(5)).expect(202);
                strict_1.default.ok(ok.body.challengeId);
                strict_1.default.equal((0, providers_1.codeIn)(fakes.twilio.bodiesTo(phone(5))[0]).length, 6);
                strict_1.default.equal((await enrollFor(t, 'unlucky', phone(5)).expect(429)).body.limit, 'user_hourly');
            });
        }
        finally {
            await fakes.stop();
        }
    });
});
(0, node_test_1.describe)('wrong codes are counted per user across challenges', () => {
    let db;
    let t;
    const verify = (code) => t.http.post('/mfa/sms/verify').set(auth(t, 'guesser')).send({ code });
    const challenge = () => t.http.post('/mfa/sms/challenge').set(auth(t, 'guesser')).send({}).expect(202);
    const wrongFor = (right) => (right === '000000' ? '111111' : '000000');
    (0, node_test_1.before)(async () => {
        db = await (0, database_1.createTestDatabase)();
        t = await (0, app_1.startTestApp)(db.url, {
            cooldownMinutes: 0,
            hourlyLimit: 1000,
            dailyLimit: 1000,
            verifyFailureThreshold: 3,
            verifyFailureHardLimit: 6,
        });
        await (0, app_1.enrollVerified)(t, 'guesser', phone(6));
    });
    (0, node_test_1.after)(async () => {
        await t?.close();
        await db?.drop();
    });
    (0, node_test_1.it)('a new code does not reset the count; past the threshold waits grow; the hard limit stops SMS verification', async () => {
        await challenge();
        await verify(wrongFor((0, app_1.lastCode)(t, phone(6)))).expect(400);
        await verify(wrongFor((0, app_1.lastCode)(t, phone(6)))).expect(400);
        await challenge();
        const third = await verify(wrongFor((0, app_1.lastCode)(t, phone(6)))).expect(400);
        strict_1.default.equal(third.body.code, 'CODE_INVALID');
        const waiting = await verify((0, app_1.lastCode)(t, phone(6))).expect(429);
        strict_1.default.equal(waiting.body.code, 'RATE_LIMITED');
        strict_1.default.equal(waiting.body.limit, 'verify_failures');
        strict_1.default.equal(waiting.body.retryAfterSeconds, 30);
        t.clock.advance(30_000);
        await verify(wrongFor((0, app_1.lastCode)(t, phone(6)))).expect(400);
        strict_1.default.equal((await verify((0, app_1.lastCode)(t, phone(6))).expect(429)).body.retryAfterSeconds, 60);
        t.clock.advance(60_000);
        await challenge();
        await verify(wrongFor((0, app_1.lastCode)(t, phone(6)))).expect(400);
        t.clock.advance(120_000);
        await verify(wrongFor((0, app_1.lastCode)(t, phone(6)))).expect(400);
        t.clock.advanceMinutes(24 * 60);
        await challenge();
        const stopped = await verify((0, app_1.lastCode)(t, phone(6))).expect(429);
        strict_1.default.equal(stopped.body.limit, 'verify_failures');
        strict_1.default.equal(stopped.body.retryAfterSeconds, undefined, 'no wait ends it');
        await t.http.delete('/admin/sms/verify-lockouts/guesser').set(auth(t, 'guesser')).expect(403);
        await t.http
            .delete('/admin/sms/verify-lockouts/guesser')
            .set('Authorization', `Bearer ${t.token('support', ['admin'])}`)
            .expect(204);
        await verify((0, app_1.lastCode)(t, phone(6))).expect(200);
    });
    (0, node_test_1.it)('a success resets the run', async () => {
        for (let round = 0; round < 3; round++) {
            await challenge();
            await verify(wrongFor((0, app_1.lastCode)(t, phone(6)))).expect(400);
            await verify(wrongFor((0, app_1.lastCode)(t, phone(6)))).expect(400);
            await verify((0, app_1.lastCode)(t, phone(6))).expect(200);
        }
    });
});
(0, node_test_1.describe)('HTTP throttling per client IP', () => {
    let db;
    (0, node_test_1.before)(async () => {
        db = await (0, database_1.createTestDatabase)();
    });
    (0, node_test_1.after)(async () => {
        await db?.drop();
    });
    (0, node_test_1.it)('refuses requests past HTTP_THROTTLE_PER_MINUTE with 429 RATE_LIMITED (memory store)', async () => {
        const t = await (0, app_1.startTestApp)(db.url, { httpThrottlePerMinute: 5 });
        try {
            const results = await Promise.all(Array.from({ length: 8 }, () => t.http.get('/mfa/factors').set(auth(t, 'x'))));
            strict_1.default.deepEqual(statuses(results), { 200: 5, 429: 3 });
            const refused = results.find((r) => r.status === 429);
            strict_1.default.equal(refused.body.limit, 'http');
            strict_1.default.ok(Number(refused.headers['retry-after']) >= 1);
        }
        finally {
            await t.close();
        }
    });
    (0, node_test_1.it)('shares the count across instances through Redis when REDIS_URL is set (TEST_REDIS_URL, else local Redis)', async (ctx) => {
        const redisUrl = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
        const probe = new ioredis_1.default(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
        const reachable = await probe.connect().then(() => true, () => false);
        if (!reachable) {
            probe.disconnect();
            return ctx.skip('no Redis reachable');
        }
        await probe.eval("for _, k in ipairs(redis.call('KEYS', 'mfa:throttle:*')) do redis.call('DEL', k) end", 0);
        probe.disconnect();
        const a = await (0, app_1.startTestApp)(db.url, { httpThrottlePerMinute: 6, redisUrl });
        const b = await (0, app_1.startTestApp)(db.url, { httpThrottlePerMinute: 6, redisUrl });
        try {
            const results = await Promise.all(Array.from({ length: 10 }, (_, i) => (i % 2 ? b : a).http.get('/mfa/factors').set(auth(a, 'y'))));
            strict_1.default.deepEqual(statuses(results), { 200: 6, 429: 4 });
        }
        finally {
            await a.close();
            await b.close();
        }
    });
});
//# sourceMappingURL=limits.e2e-spec.js.map