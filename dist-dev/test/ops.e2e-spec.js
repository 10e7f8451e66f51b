"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
const strict_1 = __importDefault(require("node:assert/strict"));
const node_http_1 = require("node:http");
const node_test_1 = require("node:test");
const event_emitter_1 = require("@nestjs/event-emitter");
const alerts_service_1 = require("../src/ops/alerts.service");
const cleanup_service_1 = require("../src/ops/cleanup.service");
const app_1 = require("./support/app");
const database_1 = require("./support/database");
const providers_1 = require("./support/providers");
const bearer = (t, userId, roles = []) => ({ Authorization: `Bearer ${t.token(userId, roles)}` });
function samples(text) {
    const out = new Map();
    for (const line of text.split('\n')) {
        const m = line.match(/^([a-z_]+(?:\{[^}]*\})?) (\S+)$/);
        if (m)
            out.set(m[1], Number(m[2]));
    }
    return out;
}
(0, node_test_1.describe)('metrics', () => {
    let db;
    (0, node_test_1.before)(async () => {
        db = await (0, database_1.createTestDatabase)();
    });
    (0, node_test_1.after)(async () => {
        await db?.drop();
    });
    (0, node_test_1.it)('move by exactly the expected amounts, with bounded labels only', async () => {
        const fakes = await (0, providers_1.startProviderFakes)();
        const t = await (0, app_1.startTestApp)(db.url, { ...fakes.config, hourlyLimit: 3 });
        try {
            const metric = async () => samples((await t.http.get('/metrics').expect(200)).text);
            const before = await metric();
            const delta = (after, key) => (after.get(key) ?? 0) - (before.get(key) ?? 0);
            const phone = '+14152019001';
            await t.http.post('/mfa/sms/enroll').set(bearer(t, 'metrics-user')).send({ phoneNumber: phone }).expect(202);
            await t.http.post('/mfa/sms/enroll/verify').set(bearer(t, 'metrics-user')).send({ code: (0, providers_1.codeIn)(fakes.twilio.bodiesTo(phone)[0]) }).expect(200);
            fakes.twilio.reset({ kind: 'server-error' });
            await t.http.post('/mfa/sms/challenge').set(bearer(t, 'metrics-user')).send({}).expect(202);
            const code = (0, providers_1.codeIn)(fakes.sns.bodiesTo(phone).at(-1));
            await t.http.post('/mfa/sms/verify').set(bearer(t, 'metrics-user')).send({ code: code === '000000' ? '111111' : '000000' }).expect(400);
            await t.http.post('/mfa/sms/verify').set(bearer(t, 'metrics-user')).send({ code }).expect(200);
            await t.http.post('/mfa/sms/challenge').set(bearer(t, 'metrics-user')).send({}).expect(202);
            await t.http.post('/mfa/sms/challenge').set(bearer(t, 'metrics-user')).send({}).expect(429);
            await t.http.post('/mfa/sms/enroll').set(bearer(t, 'other')).send({ phoneNumber: '+14155550123' }).expect(403);
            const after = await metric();
            strict_1.default.equal(delta(after, 'sms_send_total{provider="TWILIO",status="accepted"}'), 1);
            strict_1.default.equal(delta(after, 'sms_send_total{provider="TWILIO",status="failed"}'), 2);
            strict_1.default.equal(delta(after, 'sms_send_total{provider="AWS_SNS",status="accepted"}'), 2);
            strict_1.default.equal(delta(after, 'sms_failover_total{from="TWILIO",to="AWS_SNS"}'), 2);
            strict_1.default.equal(delta(after, 'sms_cost_total{provider="TWILIO",currency="USD"}').toFixed(4), '0.0079');
            strict_1.default.equal(delta(after, 'sms_verify_total{result="verified"}'), 2);
            strict_1.default.equal(delta(after, 'sms_verify_total{result="code_invalid"}'), 1);
            strict_1.default.equal(delta(after, 'sms_rate_limited_total{limit="user_hourly"}'), 1);
            strict_1.default.equal(delta(after, 'sms_fraud_triggers_total{rule="test_range"}'), 1);
            strict_1.default.equal(after.get('sms_provider_up{provider="TWILIO"}'), 1);
            strict_1.default.ok([...after.keys()].some((k) => k.startsWith('process_cpu')), 'default process metrics');
            for (const key of after.keys()) {
                if (!key.startsWith('sms_'))
                    continue;
                const labels = key.slice(key.indexOf('{') + 1, -1);
                strict_1.default.doesNotMatch(labels, /\d{4,}|metrics-user|@/, `unbounded label in ${key}`);
                strict_1.default.match(labels, /^((provider|status|from|to|currency|rule|limit|result|le)="[A-Za-z0-9_.+]+",?|country="([A-Z]{2}|other)")*$/, key);
            }
        }
        finally {
            await t.close();
            await fakes.stop();
        }
    });
});
(0, node_test_1.describe)('alerts', () => {
    let db;
    let t;
    let receiver;
    let webhookUrl;
    const received = [];
    const emitted = [];
    (0, node_test_1.before)(async () => {
        db = await (0, database_1.createTestDatabase)();
        receiver = (0, node_http_1.createServer)((req, res) => {
            let body = '';
            req.on('data', (c) => (body += c));
            req.on('end', () => {
                received.push(JSON.parse(body));
                res.writeHead(204).end();
            });
        });
        await new Promise((r) => receiver.listen(0, '127.0.0.1', r));
        webhookUrl = `http://127.0.0.1:${receiver.address().port}/alerts`;
        t = await (0, app_1.startTestApp)(db.url, { alertWebhookUrl: webhookUrl, alertIntervalSeconds: 0, alertFraudTriggersPerWindow: 5 });
        t.app.get(event_emitter_1.EventEmitter2).on(alerts_service_1.MFA_ALERT_EVENT, (n) => emitted.push(n));
    });
    (0, node_test_1.after)(async () => {
        await t?.close();
        await new Promise((r) => receiver.close(r));
        await db?.drop();
    });
    (0, node_test_1.beforeEach)(() => {
        received.length = 0;
        emitted.length = 0;
    });
    async function seedAttempts(provider, ok, failed, at, deliveredAfterSeconds) {
        await (0, database_1.withClient)(db.url, (c) => c.query(`INSERT INTO sms_send_log (provider, attempt, status, created_at, updated_at, delivered_at)
         SELECT $1, 1, CASE WHEN g <= $3 THEN 'failed' ELSE 'delivered' END, $4, $4,
                CASE WHEN g > $3 AND $5::int IS NOT NULL THEN $4::timestamptz + make_interval(secs => $5) END
           FROM generate_series(1, $2::int + $3::int) g`, [provider, ok, failed, at, deliveredAfterSeconds ?? null]));
    }
    (0, node_test_1.it)('fires once per episode on a provider failure rate, and resolves once', async () => {
        const alerts = t.app.get(alerts_service_1.AlertsService);
        await seedAttempts('TWILIO', 6, 6, t.clock.now());
        const fired = (await alerts.evaluate());
        strict_1.default.deepEqual(fired.map((n) => [n.key, n.status]), [['provider_failure_rate:TWILIO', 'firing']]);
        strict_1.default.equal(fired[0].value, 50);
        strict_1.default.equal((await alerts.evaluate()).length, 0, 'no second notice while it keeps firing');
        t.clock.advanceMinutes(11);
        await seedAttempts('TWILIO', 20, 0, t.clock.now());
        const resolved = (await alerts.evaluate());
        strict_1.default.deepEqual(resolved.map((n) => [n.key, n.status]), [['provider_failure_rate:TWILIO', 'resolved']]);
        strict_1.default.deepEqual(received.map((n) => [n.rule, n.status]), [
            ['provider_failure_rate', 'firing'],
            ['provider_failure_rate', 'resolved'],
        ]);
        strict_1.default.equal(emitted.length, 2);
        strict_1.default.ok(t.logs.lines.some((l) => l.startsWith('error ALERT provider_failure_rate firing')));
    });
    (0, node_test_1.it)('fires on slow delivery and on a surge of fraud triggers', async () => {
        t.clock.advanceMinutes(30);
        await seedAttempts('AWS_SNS', 12, 0, t.clock.now(), 120);
        for (let i = 0; i < 5; i++) {
            await t.http.post('/mfa/sms/enroll').set(bearer(t, `fraudster-${i}`)).send({ phoneNumber: `+1415555012${i}` }).expect(403);
        }
        const fired = (await t.app.get(alerts_service_1.AlertsService).evaluate());
        strict_1.default.deepEqual(fired.map((n) => n.key).sort(), ['fraud_surge', 'slow_delivery:AWS_SNS']);
        strict_1.default.equal(received.length, 2);
    });
    (0, node_test_1.it)('lets one instance evaluate at a time', { skip: database_1.EMBEDDED && database_1.ONE_SESSION_REASON }, async () => {
        const other = await (0, app_1.startTestApp)(db.url, { alertIntervalSeconds: 0 });
        try {
            await (0, database_1.withClient)(db.url, async (c) => {
                await c.query('SELECT pg_advisory_lock(734114003)');
                strict_1.default.equal(await other.app.get(alerts_service_1.AlertsService).evaluate(), undefined);
                await c.query('SELECT pg_advisory_unlock(734114003)');
            });
            strict_1.default.ok(Array.isArray(await other.app.get(alerts_service_1.AlertsService).evaluate()));
        }
        finally {
            await other.close();
        }
    });
});
(0, node_test_1.describe)('cleanup', () => {
    let db;
    (0, node_test_1.before)(async () => {
        db = await (0, database_1.createTestDatabase)();
    });
    (0, node_test_1.after)(async () => {
        await db?.drop();
    });
    (0, node_test_1.it)('prunes 100k old send-log rows in batches, keeps recent rows and opt-outs', async () => {
        const a = await (0, app_1.startTestApp)(db.url, { cleanupIntervalMinutes: 0, cleanupBatchSize: 5000 });
        const b = await (0, app_1.startTestApp)(db.url, { cleanupIntervalMinutes: 0, cleanupBatchSize: 5000 });
        try {
            const now = a.clock.now();
            await (0, database_1.withClient)(db.url, async (c) => {
                await c.query(`INSERT INTO sms_send_log (provider, attempt, status, created_at, updated_at)
           SELECT 'MOCK', 1, 'delivered', $1::timestamptz - interval '100 days', $1 FROM generate_series(1, 100000)`, [now]);
                await c.query(`INSERT INTO sms_send_log (provider, attempt, status, created_at) SELECT 'MOCK', 1, 'delivered', $1 FROM generate_series(1, 50)`, [now]);
                await c.query(`INSERT INTO sms_opt_outs VALUES ('+14152019999', $1::timestamptz - interval '3 years', 'STOP', 'TWILIO')`, [now]);
                await c.query(`INSERT INTO sms_fraud_events (rule, action, masked_phone, prefix, created_at)
           SELECT 'test_range', 'blocked', '+1 ••• ••• 0000', '+1415', $1::timestamptz - make_interval(days => g) FROM generate_series(1, 400) g`, [now]);
            });
            const [first, second] = await Promise.all([a.app.get(cleanup_service_1.CleanupService).run(), b.app.get(cleanup_service_1.CleanupService).run()]);
            const reports = [first, second].filter((r) => r !== undefined);
            if (!database_1.EMBEDDED)
                strict_1.default.equal(reports.length, 1, 'exactly one of two contending instances ran');
            const total = (key) => reports.reduce((n, r) => n + r[key], 0);
            const report = { sendLog: total('sendLog'), fraudEvents: total('fraudEvents'), batches: total('batches') };
            strict_1.default.equal(report.sendLog, 100_000);
            strict_1.default.equal(report.fraudEvents, 400 - 180);
            strict_1.default.ok(report.batches >= 20, `deleted in batches (${report.batches})`);
            await (0, database_1.withClient)(db.url, async (c) => {
                strict_1.default.equal((await c.query('SELECT count(*)::int AS n FROM sms_send_log')).rows[0].n, 50);
                strict_1.default.equal((await c.query('SELECT count(*)::int AS n FROM sms_opt_outs')).rows[0].n, 1);
            });
            if (!database_1.EMBEDDED)
                strict_1.default.ok(a.logs.lines.some((l) => /cleanup removed 0 challenges, 100000 send-log rows, 220 fraud events/.test(l)));
        }
        finally {
            await a.close();
            await b.close();
        }
    });
    (0, node_test_1.it)('removes finished challenges after the grace period only', async () => {
        const t = await (0, app_1.startTestApp)(db.url, { cleanupIntervalMinutes: 0, challengeGraceHours: 24, cooldownMinutes: 0 });
        try {
            await (0, app_1.enrollVerified)(t, 'tidy', '+14152019002');
            await t.http.post('/mfa/sms/challenge').set(bearer(t, 'tidy')).send({}).expect(202);
            const cleanup = t.app.get(cleanup_service_1.CleanupService);
            strict_1.default.equal((await cleanup.run()).challenges, 0);
            t.clock.advanceMinutes(25 * 60);
            strict_1.default.equal((await cleanup.run()).challenges, 2, 'the used enrolment code and the expired login code');
        }
        finally {
            await t.close();
        }
    });
});
(0, node_test_1.describe)('data rights (GDPR)', () => {
    const fixture = (0, app_1.useTestApp)({ cooldownMinutes: 0 });
    (0, node_test_1.it)('exports everything held about a user, then erases it keeping only anonymised records', async () => {
        const { t, db } = fixture;
        const phone = '+14152019003';
        await (0, app_1.enrollVerified)(t, 'subject', phone);
        await t.http.post('/mfa/totp/enroll').set(bearer(t, 'subject')).expect(201);
        await t.http.post('/mfa/sms/challenge').set(bearer(t, 'subject')).send({}).expect(202);
        await t.http.post('/mfa/sms/verify').set(bearer(t, 'subject')).send({ code: (0, app_1.lastCode)(t, phone) }).expect(200);
        await t.http.post('/mfa/sms/enroll').set(bearer(t, 'subject')).send({ phoneNumber: '+14155550177' }).expect(403);
        await t.http.post('/mfa/sms/enroll').set(bearer(t, 'bystander')).send({ phoneNumber: '+14152019004' }).expect(202);
        await t.http.get('/admin/users/subject/data').set(bearer(t, 'subject')).expect(403);
        const exported = (await t.http.get('/admin/users/subject/data').set(bearer(t, 'dpo', ['admin'])).expect(200)).body;
        strict_1.default.equal(exported.smsFactors[0].phoneNumber, phone);
        strict_1.default.equal(exported.totpFactors.length, 1);
        strict_1.default.equal(exported.challenges.length, 2);
        strict_1.default.equal(exported.sendLog.length, 2);
        strict_1.default.equal(exported.fraudEvents[0].rule, 'test_range');
        strict_1.default.deepEqual(exported.sessions.map((s) => s.methods), [['sms']]);
        strict_1.default.ok(!JSON.stringify(exported).match(/secret|code_hash|codeHash/i), 'no credentials in an export');
        const report = (await t.http.delete('/admin/users/subject/data').set(bearer(t, 'dpo', ['admin'])).expect(200)).body;
        strict_1.default.deepEqual(report, {
            smsFactors: 1,
            totpFactors: 1,
            challenges: 2,
            sendLogAnonymised: 2,
            fraudEventsAnonymised: 1,
            sessions: 1,
            recoveryCodes: 0,
        });
        const after = (await t.http.get('/admin/users/subject/data').set(bearer(t, 'dpo', ['admin'])).expect(200)).body;
        for (const key of ['smsFactors', 'totpFactors', 'challenges', 'sendLog', 'fraudEvents', 'sessions'])
            strict_1.default.deepEqual(after[key], [], key);
        await (0, database_1.withClient)(db.url, async (c) => {
            const values = (rows) => rows.flatMap((r) => Object.values(r).map(String));
            const everything = [
                ...values((await c.query('SELECT * FROM sms_send_log')).rows),
                ...values((await c.query('SELECT * FROM sms_fraud_events')).rows),
                ...values((await c.query('SELECT subject FROM sms_send_counters')).rows),
            ];
            for (const trace of ['subject', 'user:subject', '+14152019003', 'phone:+14152019003', '+1 ••• ••• 0177']) {
                strict_1.default.ok(!everything.some((v) => v === trace || v.endsWith(`:${trace}`) || v.includes(trace)), `left: ${trace}`);
            }
            strict_1.default.equal((await c.query(`SELECT count(*)::int AS n FROM sms_send_log WHERE user_id IS NULL`)).rows[0].n, 2, 'cost records kept');
            strict_1.default.equal((await c.query(`SELECT count(*)::int AS n FROM mfa_sms_factors WHERE user_id = 'bystander'`)).rows[0].n, 1);
        });
    });
});
(0, node_test_1.describe)('shutdown and health', () => {
    (0, node_test_1.it)('finishes an in-flight send before closing, and tells liveness from readiness', async () => {
        const db = await (0, database_1.createTestDatabase)();
        const fakes = await (0, providers_1.startProviderFakes)();
        const t = await (0, app_1.startTestApp)(db.url, { ...fakes.config, providerTimeoutMs: 500 });
        try {
            await t.http.get('/health/live').expect(200, { status: 'ok' });
            await t.http.get('/health/ready').expect(200);
            const phone = '+14152019005';
            const server = t.app.getHttpServer();
            await new Promise((r) => server.listen(0, '127.0.0.1', r));
            const port = server.address().port;
            fakes.twilio.reset({ kind: 'hang' });
            const reachedTwilio = fakes.twilio.nextRequest();
            const inFlight = fetch(`http://127.0.0.1:${port}/mfa/sms/enroll`, {
                method: 'POST',
                headers: { 'content-type': 'application/json', ...bearer(t, 'late') },
                body: JSON.stringify({ phoneNumber: phone }),
            });
            await reachedTwilio;
            const closing = t.close();
            const res = await inFlight;
            strict_1.default.equal(res.status, 202, 'the accepted request completed');
            await closing;
            strict_1.default.equal(fakes.sns.bodiesTo(phone).length, 1);
        }
        finally {
            await fakes.stop();
            await db.drop();
        }
    });
});
//# sourceMappingURL=ops.e2e-spec.js.map