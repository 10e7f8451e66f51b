"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
const strict_1 = __importDefault(require("node:assert/strict"));
const node_test_1 = require("node:test");
const app_1 = require("./support/app");
const database_1 = require("./support/database");
const providers_1 = require("./support/providers");
const phone = (i) => `+1415202${String(1000 + i)}`;
const statuses = (results) => results.reduce((n, r) => ({ ...n, [r.status]: (n[r.status] ?? 0) + 1 }), {});
(0, node_test_1.describe)('abuse holes: strangers cannot spend budgets, trip circuits or hide from the fraud rules', () => {
    let db;
    let fakes;
    (0, node_test_1.before)(async () => {
        db = await (0, database_1.createTestDatabase)();
        fakes = await (0, providers_1.startProviderFakes)();
        await (await (0, app_1.startTestApp)(db.url, fakes.config)).close();
    });
    (0, node_test_1.after)(async () => {
        await fakes?.stop();
        await db?.drop();
    });
    (0, node_test_1.beforeEach)(async () => {
        fakes.twilio.reset();
        fakes.sns.reset();
        await (0, database_1.withClient)(db.url, (c) => c.query(`TRUNCATE sms_send_counters, sms_send_log, mfa_challenges, mfa_sms_factors, sms_provider_budgets, sms_fraud_events`));
    });
    async function withApp(config, run) {
        const t = await (0, app_1.startTestApp)(db.url, { ...fakes.config, ...config });
        try {
            return await run(t);
        }
        finally {
            await t.close();
        }
    }
    const bearer = (t, user) => ({ Authorization: `Bearer ${t.token(user)}` });
    const budgetUsed = (provider) => (0, database_1.withClient)(db.url, async (c) => (await c.query(`SELECT minute_count FROM sms_provider_budgets WHERE provider = $1`, [provider])).rows[0]?.minute_count ?? 0);
    async function owner(t, user, number) {
        await t.http.post('/mfa/sms/enroll').set(bearer(t, user)).send({ phoneNumber: number }).expect(202);
        await t.http.post('/mfa/sms/enroll/verify').set(bearer(t, user)).send({ code: (0, providers_1.codeIn)(fakes.twilio.bodiesTo(number).at(-1)) }).expect(200);
    }
    (0, node_test_1.it)('refused requests take no budget slot: 40 challenges, 5 sent, Twilio charged 5, the next user still on Twilio', async () => {
        const config = { providers: { ...fakes.config.providers, TWILIO: { maxPerMinute: 20, maxPerHour: 1000, maxPerDay: 10_000 } } };
        await withApp(config, async (t) => {
            await owner(t, 'burst', phone(1));
            t.clock.advanceMinutes(1);
            fakes.twilio.reset();
            const results = [];
            for (let i = 0; i < 40; i++)
                results.push(await t.http.post('/mfa/sms/challenge').set(bearer(t, 'burst')).send({}));
            strict_1.default.deepEqual(statuses(results), { 202: 4, 429: 36 }, 'the hourly limit of 5 (one spent on enrolment)');
            strict_1.default.equal(fakes.twilio.requests.length, 4);
            strict_1.default.equal(await budgetUsed('TWILIO'), 4, 'one slot per message handed over, none per refusal');
            await owner(t, 'next-user', phone(2));
            strict_1.default.equal(fakes.sns.requests.length, 0, 'the next real user is still served by Twilio');
        });
    });
    (0, node_test_1.it)('strands at most one leased block per instance per minute', async () => {
        const config = { providers: { ...fakes.config.providers, TWILIO: { maxPerMinute: 400, maxPerHour: 100_000, maxPerDay: 100_000 } } };
        const [a, b] = await Promise.all([(0, app_1.startTestApp)(db.url, { ...fakes.config, ...config }), (0, app_1.startTestApp)(db.url, { ...fakes.config, ...config })]);
        try {
            for (const [i, t] of [a, a, a, b, b, b].entries()) {
                await t.http.post('/mfa/sms/enroll').set(bearer(t, `lease-${i}`)).send({ phoneNumber: phone(10 + i) }).expect(202);
            }
            const handed = fakes.twilio.requests.length;
            const leased = await budgetUsed('TWILIO');
            strict_1.default.equal(handed, 6);
            strict_1.default.ok(leased - handed <= 2 * 20, `stranded ${leased - handed} slots: at most one block of 20 per instance`);
            strict_1.default.equal(leased, 40, 'each instance leased exactly one block');
        }
        finally {
            await Promise.all([a.close(), b.close()]);
        }
    });
    (0, node_test_1.it)('50 region errors leave the circuit closed and readiness at 200; each send fails over', async () => {
        await withApp({ circuitFailureThreshold: 3 }, async (t) => {
            fakes.twilio.mode = { kind: 'error', status: 400, code: '21408', onlyTo: '+1415202' };
            for (let i = 0; i < 50; i++) {
                await t.http.post('/mfa/sms/enroll').set(bearer(t, `region-${i}`)).send({ phoneNumber: phone(100 + i) }).expect(202);
            }
            strict_1.default.equal(fakes.sns.requests.length, 50, 'the backup provider reached the region');
            const health = await t.http.get('/health').expect(200);
            const twilio = health.body.details.sms.providers.find((p) => p.name === 'TWILIO');
            strict_1.default.equal(twilio.circuit, 'closed');
            const rows = await (0, database_1.withClient)(db.url, async (c) => (await c.query(`SELECT DISTINCT error_kind, error_code FROM sms_send_log WHERE provider = 'TWILIO'`)).rows);
            strict_1.default.deepEqual(rows, [{ error_kind: 'rejected', error_code: '21408' }]);
        });
    });
    (0, node_test_1.it)('a destination no provider may reach is 403 COUNTRY_NOT_ALLOWED and counts on the limits; a provider down is refunded', async () => {
        await withApp({ hourlyLimit: 2 }, async (t) => {
            const enrol = (i) => t.http.post('/mfa/sms/enroll').set(bearer(t, 'far')).send({ phoneNumber: phone(200 + i) });
            const sendsCounted = async () => (0, database_1.withClient)(db.url, async (c) => (await c.query(`SELECT cardinality(sends) AS n FROM sms_send_counters WHERE subject = 'user:far'`)).rows[0]?.n ?? 0);
            fakes.twilio.mode = { kind: 'error', status: 400, code: '21408' };
            fakes.sns.mode = { kind: 'error', status: 403, code: 'AuthorizationError' };
            strict_1.default.equal((await enrol(0).expect(503)).body.code, 'PROVIDERS_UNAVAILABLE');
            strict_1.default.equal(await sendsCounted(), 0, 'SNS failed for its account (our side): refunded');
            fakes.sns.mode = { kind: 'number-error', code: 'InvalidParameter' };
            strict_1.default.equal((await enrol(1).expect(400)).body.code, 'INVALID_PHONE', "SNS: the number's own error stops the failover");
            fakes.sns.mode = { kind: 'error', status: 400, code: 'NotFound' };
            strict_1.default.equal((await enrol(2).expect(403)).body.code, 'COUNTRY_NOT_ALLOWED', 'Twilio: region; SNS: request');
            strict_1.default.equal(await sendsCounted(), 2, 'refusals that belong to the number or destination count');
            strict_1.default.equal((await enrol(2).expect(429)).body.limit, 'user_hourly');
        });
    });
    (0, node_test_1.it)('each Twilio error family, through the SDK: number errors stop, region and request errors fail over without a circuit count, account errors count', async () => {
        const cases = [
            ['number', 400, '21211', 400, 'no call'],
            ['opted out', 400, '21610', 403, 'no call'],
            ['region', 400, '21408', 202, 'failover'],
            ['request', 400, '21606', 202, 'failover'],
            ['content', 400, '21617', 202, 'failover'],
            ['account', 401, '20003', 202, 'failover'],
            ['throttling', 429, '20429', 202, 'failover'],
        ];
        await withApp({ circuitFailureThreshold: 2 }, async (t) => {
            for (const [i, [family, status, code, expected, sns]] of cases.entries()) {
                fakes.twilio.reset({ kind: 'error', status, code });
                fakes.sns.reset();
                const res = await t.http.post('/mfa/sms/enroll').set(bearer(t, `family-${i}`)).send({ phoneNumber: phone(900 + i) });
                strict_1.default.equal(res.status, expected, family);
                strict_1.default.equal(fakes.sns.requests.length, sns === 'failover' ? 1 : 0, family);
            }
            const health = await t.http.get('/health').expect(200);
            strict_1.default.equal(health.body.details.sms.providers.find((p) => p.name === 'TWILIO').circuit, 'open');
        });
    });
    (0, node_test_1.it)('a circuit does open on 5xx; readiness stays 200 and /health shows it open', async () => {
        await withApp({ circuitFailureThreshold: 3 }, async (t) => {
            fakes.twilio.mode = { kind: 'server-error' };
            for (let i = 0; i < 3; i++) {
                await t.http.post('/mfa/sms/enroll').set(bearer(t, `down-${i}`)).send({ phoneNumber: phone(300 + i) }).expect(202);
            }
            const health = await t.http.get('/health').expect(200);
            strict_1.default.equal(health.body.details.sms.providers.find((p) => p.name === 'TWILIO').circuit, 'open');
            const before = fakes.twilio.requests.length;
            await t.http.post('/mfa/sms/enroll').set(bearer(t, 'down-x')).send({ phoneNumber: phone(310) }).expect(202);
            strict_1.default.equal(fakes.twilio.requests.length, before, 'skipped while open');
        });
    });
    (0, node_test_1.it)('deleting an unverified factor hides nothing from the fraud rules', async () => {
        const outcome = async (deleteFactors) => {
            await (0, database_1.withClient)(db.url, (c) => c.query(`TRUNCATE sms_send_counters, sms_send_log, mfa_challenges, mfa_sms_factors, sms_fraud_events`));
            return withApp({ fraudMaxNumbersPerIp: 5, trustProxy: 'loopback' }, async (t) => {
                const sent = [];
                for (let i = 0; i < 12; i++) {
                    const auth = bearer(t, `throwaway-${deleteFactors}-${i}`);
                    const res = await t.http.post('/mfa/sms/enroll').set(auth).set('X-Forwarded-For', '198.51.100.77').send({ phoneNumber: phone(400 + i) });
                    sent.push(res.status);
                    if (deleteFactors && res.status === 202)
                        await t.http.delete(`/mfa/factors/${res.body.factorId}`).set(auth).expect(204);
                }
                const events = await (0, database_1.withClient)(db.url, async (c) => (await c.query(`SELECT count(*)::int AS n FROM sms_fraud_events WHERE rule = 'numbers_per_ip'`)).rows[0].n);
                return { sent: statuses(sent.map((status) => ({ status }))), events };
            });
        };
        const kept = await outcome(false);
        const deleted = await outcome(true);
        strict_1.default.deepEqual(kept, { sent: { 202: 5, 403: 7 }, events: 7 });
        strict_1.default.deepEqual(deleted, kept, 'enrol-and-delete is counted like enrolling');
    });
    (0, node_test_1.it)('six addresses of one IPv6 /64 are one client for the IP limit and the HTTP throttle', async () => {
        await withApp({ ipHourlyLimit: 3, trustProxy: 'loopback' }, async (t) => {
            const results = [];
            for (let i = 1; i <= 6; i++) {
                results.push(await t.http.post('/mfa/sms/enroll').set(bearer(t, `v6-${i}`)).set('X-Forwarded-For', `2001:db8:abcd:12::${i}`).send({ phoneNumber: phone(500 + i) }));
            }
            strict_1.default.deepEqual(statuses(results), { 202: 3, 429: 3 });
            strict_1.default.ok(results.filter((r) => r.status === 429).every((r) => r.body.limit === 'ip_hourly'));
            await t.http.post('/mfa/sms/enroll').set(bearer(t, 'v6-other')).set('X-Forwarded-For', '2001:db8:abcd:13::1').send({ phoneNumber: phone(510) }).expect(202);
            const row = await (0, database_1.withClient)(db.url, async (c) => (await c.query(`SELECT client_ip FROM mfa_challenges WHERE user_id = 'v6-1'`)).rows[0]);
            strict_1.default.equal(row.client_ip, '2001:db8:abcd:12::/64');
        });
        await withApp({ httpThrottlePerMinute: 3, trustProxy: 'loopback' }, async (t) => {
            const codes = [];
            for (let i = 1; i <= 6; i++) {
                codes.push((await t.http.get('/mfa/factors').set(bearer(t, 'reader')).set('X-Forwarded-For', `2001:db8:abcd:12::${i}`)).status);
            }
            strict_1.default.deepEqual(codes, [200, 200, 200, 429, 429, 429]);
        });
    });
    (0, node_test_1.it)('a hop count in TRUST_PROXY takes the address the nearest proxy saw, under either adapter', async () => {
        await withApp({ httpThrottlePerMinute: 2, trustProxy: 1 }, async (t) => {
            const get = (forwardedFor) => t.http.get('/mfa/factors').set(bearer(t, 'hops')).set('X-Forwarded-For', forwardedFor);
            const codes = [];
            for (const spoofed of ['203.0.113.9', '203.0.113.10', '203.0.113.11'])
                codes.push((await get(`${spoofed}, 198.51.100.7`)).status);
            codes.push((await get('203.0.113.9, 198.51.100.8')).status);
            strict_1.default.deepEqual(codes, [200, 200, 429, 200], 'one client per address the proxy saw, not per claimed address, not one for all');
        });
    });
    (0, node_test_1.it)("strangers' enrolments of a number never lock its owner out", async () => {
        await withApp({ cooldownMinutes: 0 }, async (t) => {
            await owner(t, 'owner', phone(600));
            const strangers = [];
            for (let i = 0; i < 4; i++) {
                strangers.push((await t.http.post('/mfa/sms/enroll').set(bearer(t, `stranger-${i}`)).send({ phoneNumber: phone(600) })).status);
            }
            strict_1.default.deepEqual(strangers, [202, 202, 429, 429]);
            await t.http.post('/mfa/sms/challenge').set(bearer(t, 'owner')).send({}).expect(202);
        });
    });
    (0, node_test_1.it)('a refused enrolment leaves no factor row', async () => {
        await withApp({ cooldownMinutes: 5 }, async (t) => {
            await t.http.post('/mfa/sms/enroll').set(bearer(t, 'tidy')).send({ phoneNumber: phone(700) }).expect(202);
            const cooled = await t.http.post('/mfa/sms/enroll').set(bearer(t, 'tidy')).send({ phoneNumber: phone(701) }).expect(429);
            strict_1.default.equal(cooled.body.code, 'COOLDOWN');
            fakes.twilio.mode = { kind: 'server-error' };
            fakes.sns.mode = { kind: 'server-error' };
            t.clock.advanceMinutes(10);
            await t.http.post('/mfa/sms/enroll').set(bearer(t, 'tidy')).send({ phoneNumber: phone(702) }).expect(503);
            const numbers = await (0, database_1.withClient)(db.url, async (c) => (await c.query(`SELECT phone_e164 FROM mfa_sms_factors WHERE user_id = 'tidy'`)).rows);
            strict_1.default.deepEqual(numbers, [], 'neither the refused nor the undelivered enrolment left a factor (nor the superseded one)');
        });
    });
});
(0, node_test_1.describe)('abuse holes without provider fakes', () => {
    let db;
    let t;
    (0, node_test_1.before)(async () => {
        db = await (0, database_1.createTestDatabase)();
        t = await (0, app_1.startTestApp)(db.url, { cooldownMinutes: 0 });
    });
    (0, node_test_1.after)(async () => {
        await t?.close();
        await db?.drop();
    });
    (0, node_test_1.it)("the owner's own sends are limited by the owners' bucket only", async () => {
        await (0, app_1.enrollVerified)(t, 'own', phone(800));
        for (let i = 0; i < 4; i++) {
            await t.http.post('/mfa/sms/challenge').set({ Authorization: `Bearer ${t.token('own')}` }).send({}).expect(202);
        }
        const counters = await (0, database_1.withClient)(db.url, async (c) => (await c.query(`SELECT subject, cardinality(sends) AS n FROM sms_send_counters WHERE subject LIKE '%${phone(800)}' ORDER BY subject`)).rows);
        strict_1.default.deepEqual(counters, [
            { subject: `enroll:${phone(800)}`, n: 1 },
            { subject: `phone:${phone(800)}`, n: 4 },
        ]);
        strict_1.default.ok((0, app_1.lastCode)(t, phone(800)));
    });
});
//# sourceMappingURL=abuse.e2e-spec.js.map