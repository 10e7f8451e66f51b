"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
const strict_1 = __importDefault(require("node:assert/strict"));
const node_test_1 = require("node:test");
const twilio_1 = __importDefault(require("twilio"));
const provider_budgets_1 = require("../src/sms/provider-budgets");
const sns_fake_1 = require("./fakes/sns-fake");
const app_1 = require("./support/app");
const database_1 = require("./support/database");
const providers_1 = require("./support/providers");
(0, node_test_1.describe)('providers: Twilio and AWS SNS through their SDKs, with failover', () => {
    let db;
    let fakes;
    let t;
    let users = 0;
    const bearer = (userId) => ({ Authorization: `Bearer ${t.token(userId)}` });
    async function verifiedUser(phone) {
        const userId = `user-${++users}`;
        fakes.twilio.reset();
        fakes.sns.reset();
        await t.http.post('/mfa/sms/enroll').set(bearer(userId)).send({ phoneNumber: phone }).expect(202);
        const body = fakes.twilio.bodiesTo(phone).at(-1) ?? fakes.sns.bodiesTo(phone).at(-1);
        await t.http.post('/mfa/sms/enroll/verify').set(bearer(userId)).send({ code: (0, providers_1.codeIn)(body) }).expect(200);
        fakes.twilio.reset();
        fakes.sns.reset();
        return userId;
    }
    async function sendLog(challengeId) {
        return (0, database_1.withClient)(db.url, async (c) => {
            const { rows } = await c.query(`SELECT * FROM sms_send_log WHERE challenge_id = $1 ORDER BY attempt`, [challengeId]);
            return rows;
        });
    }
    (0, node_test_1.before)(async () => {
        db = await (0, database_1.createTestDatabase)();
        fakes = await (0, providers_1.startProviderFakes)();
        t = await (0, app_1.startTestApp)(db.url, fakes.config);
    });
    (0, node_test_1.after)(async () => {
        await t?.close();
        await fakes?.stop();
        await db?.drop();
    });
    (0, node_test_1.beforeEach)(() => {
        fakes.twilio.reset();
        fakes.sns.reset();
    });
    (0, node_test_1.it)('sends through Twilio first, with its SDK, and logs price, segments and message id', async () => {
        const phone = '+14152010131';
        const userId = await verifiedUser(phone);
        const res = await t.http.post('/mfa/sms/challenge').set(bearer(userId)).send({}).expect(202);
        strict_1.default.equal(fakes.twilio.requests.length, 1);
        strict_1.default.equal(fakes.sns.requests.length, 0);
        const form = fakes.twilio.requests[0].form;
        strict_1.default.equal(form.get('To'), phone);
        strict_1.default.equal(form.get('From'), '+15005550006');
        strict_1.default.equal(form.get('StatusCallback'), `${providers_1.PUBLIC_BASE_URL}/mfa/webhooks/twilio/status`);
        const [row] = await sendLog(res.body.challengeId);
        strict_1.default.equal(row.provider, 'TWILIO');
        strict_1.default.equal(row.status, 'queued');
        strict_1.default.match(row.provider_message_id, /^SM[0-9a-f]{32}$/);
        strict_1.default.equal(Number(row.price), 0.0079);
        strict_1.default.equal(row.currency, 'USD');
        strict_1.default.equal(row.segments, 1);
        await t.http.post('/mfa/sms/verify').set(bearer(userId)).send({ code: (0, providers_1.codeIn)(form.get('Body')) }).expect(200);
    });
    for (const [name, mode] of [
        ['a 5xx', { kind: 'server-error' }],
        ['throttling (429)', { kind: 'throttle' }],
    ]) {
        (0, node_test_1.it)(`fails over on ${name} from Twilio to SNS with the same code`, async () => {
            const phone = '+14152010132';
            const userId = await verifiedUser(phone);
            fakes.twilio.mode = mode;
            const res = await t.http.post('/mfa/sms/challenge').set(bearer(userId)).send({}).expect(202);
            strict_1.default.equal(fakes.twilio.requests.length, 1);
            strict_1.default.equal(fakes.sns.requests.length, 1);
            const sns = fakes.sns.requests[0];
            strict_1.default.equal(sns.form.get('PhoneNumber'), phone);
            strict_1.default.deepEqual(sns_fake_1.SnsFake.attributes(sns), { 'AWS.SNS.SMS.SMSType': 'Transactional', 'AWS.SNS.SMS.SenderID': 'HavenHealth' });
            strict_1.default.equal(sns.form.get('Message'), fakes.twilio.requests[0].form.get('Body'), 'the same message, the same code');
            const rows = await sendLog(res.body.challengeId);
            strict_1.default.deepEqual(rows.map((r) => [r.provider, r.status, r.error_kind, r.failover_to]), [
                ['TWILIO', 'failed', 'transient', 'AWS_SNS'],
                ['AWS_SNS', 'queued', null, null],
            ]);
            await t.http.post('/mfa/sms/verify').set(bearer(userId)).send({ code: (0, providers_1.codeIn)(sns.form.get('Message')) }).expect(200);
        });
    }
    (0, node_test_1.it)('fails over from a hanging Twilio to SNS within the timeout plus a margin', async () => {
        const phone = '+14152010133';
        const userId = await verifiedUser(phone);
        fakes.twilio.mode = { kind: 'hang' };
        const started = Date.now();
        await t.http.post('/mfa/sms/challenge').set(bearer(userId)).send({}).expect(202);
        const elapsed = Date.now() - started;
        strict_1.default.equal(fakes.sns.requests.length, 1);
        strict_1.default.ok(elapsed >= 400, `waited for the deadline (${elapsed} ms)`);
        strict_1.default.ok(elapsed < 400 + 1000, `then failed over promptly (${elapsed} ms)`);
    });
    (0, node_test_1.it)('has a "sending" row in the send log while the provider call is in flight', async () => {
        const phone = '+14152010146';
        const userId = await verifiedUser(phone);
        fakes.twilio.mode = { kind: 'hang' };
        const reachedTwilio = fakes.twilio.nextRequest();
        const inFlight = t.http.post('/mfa/sms/challenge').set(bearer(userId)).send({}).then((r) => r);
        await reachedTwilio;
        const rows = await (0, database_1.withClient)(db.url, async (c) => (await c.query(`SELECT provider, status FROM sms_send_log WHERE user_id = $1 AND status = 'sending'`, [userId])).rows);
        strict_1.default.deepEqual(rows, [{ provider: 'TWILIO', status: 'sending' }], 'written before the provider answered');
        strict_1.default.equal((await inFlight).status, 202);
    });
    for (const [code, expected, status] of [
        ['21211', 'INVALID_PHONE', 400],
        ['21614', 'INVALID_PHONE', 400],
        ['21610', 'PHONE_OPTED_OUT', 403],
    ]) {
        (0, node_test_1.it)(`stops at Twilio error ${code} (the number's fault): no SNS call, ${expected}`, async () => {
            const userId = await verifiedUser('+14152010134');
            fakes.twilio.mode = { kind: 'number-error', code };
            const res = await t.http.post('/mfa/sms/challenge').set(bearer(userId)).send({}).expect(status);
            strict_1.default.equal(res.body.code, expected);
            strict_1.default.equal(fakes.sns.requests.length, 0);
        });
    }
    (0, node_test_1.it)('maps an SNS InvalidParameter on the number to INVALID_PHONE', async () => {
        const userId = await verifiedUser('+14152010135');
        fakes.twilio.mode = { kind: 'server-error' };
        fakes.sns.mode = { kind: 'number-error', code: 'InvalidParameter' };
        const res = await t.http.post('/mfa/sms/challenge').set(bearer(userId)).send({}).expect(400);
        strict_1.default.equal(res.body.code, 'INVALID_PHONE');
    });
    (0, node_test_1.it)('answers 503 PROVIDERS_UNAVAILABLE with Retry-After when both are down, and the code cannot be used', async () => {
        const userId = await verifiedUser('+14152010136');
        fakes.twilio.mode = { kind: 'server-error' };
        fakes.sns.mode = { kind: 'server-error' };
        const res = await t.http.post('/mfa/sms/challenge').set(bearer(userId)).send({}).expect(503);
        strict_1.default.equal(res.body.code, 'PROVIDERS_UNAVAILABLE');
        strict_1.default.equal(res.headers['retry-after'], String(res.body.retryAfterSeconds));
        const code = (0, providers_1.codeIn)(fakes.twilio.requests[0].form.get('Body'));
        const verify = await t.http.post('/mfa/sms/verify').set(bearer(userId)).send({ code }).expect(400);
        strict_1.default.equal(verify.body.code, 'NO_ACTIVE_CHALLENGE');
    });
    (0, node_test_1.describe)('delivery status callbacks', () => {
        const url = `${providers_1.PUBLIC_BASE_URL}/mfa/webhooks/twilio/status`;
        const sign = (params) => twilio_1.default.getExpectedTwilioSignature(providers_1.TWILIO_TOKEN, url, params);
        const post = (params, signature) => {
            const req = t.http.post('/mfa/webhooks/twilio/status').type('form');
            return (signature === undefined ? req : req.set('X-Twilio-Signature', signature)).send(params);
        };
        (0, node_test_1.it)('checks the signature: 403 when missing or wrong', async () => {
            const params = { MessageSid: 'SM' + '0'.repeat(32), MessageStatus: 'delivered' };
            strict_1.default.equal((await post(params)).status, 403);
            strict_1.default.equal((await post(params, 'bm90IGEgc2lnbmF0dXJl')).status, 403);
            const tampered = { ...params, MessageStatus: 'failed' };
            strict_1.default.equal((await post(tampered, sign(params))).status, 403);
        });
        (0, node_test_1.it)('moves a status forward only, idempotently, and ignores unknown messages', async () => {
            const userId = await verifiedUser('+14152010137');
            const res = await t.http.post('/mfa/sms/challenge').set(bearer(userId)).send({}).expect(202);
            const [row] = await sendLog(res.body.challengeId);
            const sid = row.provider_message_id;
            const report = (status, extra = {}) => {
                const params = { MessageSid: sid, MessageStatus: status, AccountSid: 'AC', ...extra };
                return post(params, sign(params)).expect(204);
            };
            await report('sent');
            strict_1.default.equal((await sendLog(res.body.challengeId))[0].status, 'sent');
            await report('delivered');
            await report('delivered');
            await report('sent');
            await report('undelivered', { ErrorCode: '30003' });
            const [final] = await sendLog(res.body.challengeId);
            strict_1.default.equal(final.status, 'delivered');
            strict_1.default.ok(final.delivered_at);
            strict_1.default.equal(final.error_code, null);
            const unknown = { MessageSid: 'SM' + 'f'.repeat(32), MessageStatus: 'delivered' };
            await post(unknown, sign(unknown)).expect(204);
        });
        (0, node_test_1.it)("takes a callback's price in place of what the send was counted at, once", async () => {
            const userId = await verifiedUser('+14152010139');
            const res = await t.http.post('/mfa/sms/challenge').set(bearer(userId)).send({}).expect(202);
            const [row] = await sendLog(res.body.challengeId);
            strict_1.default.equal(Number(row.estimated_usd), 0.0083, 'the price table estimated the send');
            const params = { MessageSid: row.provider_message_id, MessageStatus: 'delivered', Price: '-0.01200', PriceUnit: 'USD' };
            await post(params, sign(params)).expect(204);
            await post(params, sign(params)).expect(204);
            const [priced] = await sendLog(res.body.challengeId);
            strict_1.default.deepEqual([Number(priced.price), priced.currency], [0.012, 'USD']);
            const metrics = await t.http.get('/metrics').expect(200);
            strict_1.default.match(metrics.text, /sms_spend_usd_total\{country="US"\}/);
        });
    });
    (0, node_test_1.describe)('opt-out keywords', () => {
        const url = `${providers_1.PUBLIC_BASE_URL}/mfa/webhooks/twilio/inbound`;
        const inbound = (from, body) => {
            const params = { From: from, Body: body, To: '+15005550006', MessageSid: 'SM' + '1'.repeat(32) };
            return t.http
                .post('/mfa/webhooks/twilio/inbound')
                .type('form')
                .set('X-Twilio-Signature', twilio_1.default.getExpectedTwilioSignature(providers_1.TWILIO_TOKEN, url, params))
                .send(params);
        };
        (0, node_test_1.it)('refuses to send after STOP without calling a provider, and START restores', async () => {
            const phone = '+14152010138';
            const userId = await verifiedUser(phone);
            const stop = await inbound(phone, ' stop ').expect(200);
            strict_1.default.match(stop.headers['content-type'], /text\/xml/);
            strict_1.default.match(stop.text, /<Response><Message>.*START.*<\/Message><\/Response>/);
            const refused = await t.http.post('/mfa/sms/challenge').set(bearer(userId)).send({}).expect(403);
            strict_1.default.equal(refused.body.code, 'PHONE_OPTED_OUT');
            strict_1.default.equal(fakes.twilio.requests.length + fakes.sns.requests.length, 0);
            const enrolAgain = await t.http.post('/mfa/sms/enroll').set(bearer('other-user')).send({ phoneNumber: phone });
            strict_1.default.equal(enrolAgain.body.code, 'PHONE_OPTED_OUT');
            await inbound(phone, 'START').expect(200);
            const restored = await t.http.post('/mfa/sms/challenge').set(bearer(userId)).send({});
            strict_1.default.equal(restored.status, 202, JSON.stringify(restored.body));
            strict_1.default.equal(fakes.twilio.requests.length, 1);
        });
        (0, node_test_1.it)('answers HELP with a help text, and rejects unsigned inbound messages', async () => {
            const help = await inbound('+14152010139', 'HELP').expect(200);
            strict_1.default.match(help.text, /verification codes only/);
            await t.http.post('/mfa/webhooks/twilio/inbound').type('form').send({ From: '+14152010139', Body: 'STOP' }).expect(403);
        });
    });
    (0, node_test_1.it)('reports each provider in /health', async () => {
        const health = await t.http.get('/health').expect(200);
        const providers = health.body.info.sms.providers.map((p) => [
            p.name,
            p.enabled,
            p.circuit,
        ]);
        strict_1.default.deepEqual(providers, [
            ['TWILIO', true, 'closed'],
            ['AWS_SNS', true, 'closed'],
            ['AWS_EUM', false, 'closed'],
            ['MOCK', false, 'closed'],
        ]);
    });
});
(0, node_test_1.describe)('providers: circuit breaker and budgets', () => {
    let db;
    let fakes;
    (0, node_test_1.before)(async () => {
        db = await (0, database_1.createTestDatabase)();
        fakes = await (0, providers_1.startProviderFakes)();
    });
    (0, node_test_1.after)(async () => {
        await fakes?.stop();
        await db?.drop();
    });
    async function enrolled(t, userId, phone) {
        const auth = { Authorization: `Bearer ${t.token(userId)}` };
        await t.http.post('/mfa/sms/enroll').set(auth).send({ phoneNumber: phone }).expect(202);
        const body = fakes.twilio.bodiesTo(phone).at(-1) ?? fakes.sns.bodiesTo(phone).at(-1);
        await t.http.post('/mfa/sms/enroll/verify').set(auth).send({ code: (0, providers_1.codeIn)(body) }).expect(200);
    }
    (0, node_test_1.it)('opens the circuit after consecutive transient failures: later sends skip Twilio without waiting', async () => {
        const t = await (0, app_1.startTestApp)(db.url, { ...fakes.config, circuitFailureThreshold: 2, circuitHalfOpenMs: 60_000 });
        try {
            await enrolled(t, 'circuit-user', '+14152010140');
            const auth = { Authorization: `Bearer ${t.token('circuit-user')}` };
            fakes.twilio.reset({ kind: 'hang' });
            fakes.sns.reset();
            for (let i = 0; i < 2; i++)
                await t.http.post('/mfa/sms/challenge').set(auth).send({}).expect(202);
            strict_1.default.equal(fakes.twilio.requests.length, 2);
            const health = await t.http.get('/health').expect(200);
            strict_1.default.equal(health.body.info.sms.providers[0].circuit, 'open');
            const started = Date.now();
            await t.http.post('/mfa/sms/challenge').set(auth).send({}).expect(202);
            strict_1.default.ok(Date.now() - started < 300, 'no timeout paid once the circuit is open');
            strict_1.default.equal(fakes.twilio.requests.length, 2, 'Twilio not called');
            strict_1.default.equal(fakes.sns.requests.length, 3);
            const metrics = await t.http.get('/metrics').expect(200);
            strict_1.default.match(metrics.text, /sms_provider_up\{provider="TWILIO"\} 0/);
        }
        finally {
            await t.close();
        }
    });
    (0, node_test_1.it)('half-opens after the wait and closes again when the probe succeeds', async () => {
        const t = await (0, app_1.startTestApp)(db.url, { ...fakes.config, circuitFailureThreshold: 1, circuitHalfOpenMs: 200 });
        try {
            await enrolled(t, 'probe-user', '+14152010141');
            const auth = { Authorization: `Bearer ${t.token('probe-user')}` };
            fakes.twilio.reset({ kind: 'server-error' });
            await t.http.post('/mfa/sms/challenge').set(auth).send({}).expect(202);
            fakes.twilio.reset({ kind: 'ok' });
            await t.http.post('/mfa/sms/challenge').set(auth).send({}).expect(202);
            strict_1.default.equal(fakes.twilio.requests.length, 0, 'still open: skipped');
            t.clock.advance(250);
            await t.http.post('/mfa/sms/challenge').set(auth).send({}).expect(202);
            strict_1.default.equal(fakes.twilio.requests.length, 1, 'the probe went to Twilio');
            const health = await t.http.get('/health').expect(200);
            strict_1.default.equal(health.body.info.sms.providers[0].circuit, 'closed');
        }
        finally {
            await t.close();
        }
    });
    (0, node_test_1.it)('never grants more than a budget across two instances leasing blocks concurrently', async () => {
        const limits = { priority: 1, maxPerMinute: 50, maxPerHour: 1000, maxPerDay: 1000 };
        const a = await (0, app_1.startTestApp)(db.url, fakes.config);
        const b = await (0, app_1.startTestApp)(db.url, fakes.config);
        try {
            const now = new Date();
            const takes = await Promise.all(Array.from({ length: 120 }, (_, i) => (i % 2 ? b : a).app.get(provider_budgets_1.ProviderBudgets).tryTake('LEASE_TEST', limits, now)));
            strict_1.default.equal(takes.filter(Boolean).length, 50);
            const [row] = await (0, database_1.withClient)(db.url, async (c) => (await c.query(`SELECT * FROM sms_provider_budgets WHERE provider = 'LEASE_TEST'`)).rows);
            strict_1.default.equal(row.minute_count, 50);
        }
        finally {
            await a.close();
            await b.close();
        }
    });
    (0, node_test_1.it)('moves to the next provider when a budget is spent, across instances sharing the database', async () => {
        const budget = { ...fakes.config, providers: { ...fakes.config.providers, TWILIO: { maxPerMinute: 3 } } };
        const a = await (0, app_1.startTestApp)(db.url, budget);
        const b = await (0, app_1.startTestApp)(db.url, budget);
        try {
            await (0, database_1.withClient)(db.url, (c) => c.query(`DELETE FROM sms_provider_budgets`));
            fakes.twilio.reset();
            fakes.sns.reset();
            const phones = ['+14152010142', '+14152010143', '+14152010144', '+14152010145'];
            await Promise.all(phones.map((phone, i) => (i % 2 ? b : a).http
                .post('/mfa/sms/enroll')
                .set('Authorization', `Bearer ${(i % 2 ? b : a).token(`budget-${i}`)}`)
                .send({ phoneNumber: phone })
                .expect(202)));
            strict_1.default.equal(fakes.twilio.requests.length, 3, 'three within the per-minute budget');
            strict_1.default.equal(fakes.sns.requests.length, 1, 'the fourth went to SNS');
        }
        finally {
            await a.close();
            await b.close();
        }
    });
});
//# sourceMappingURL=providers.e2e-spec.js.map