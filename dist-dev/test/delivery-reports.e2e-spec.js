"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
const strict_1 = __importDefault(require("node:assert/strict"));
const node_test_1 = require("node:test");
const twilio_1 = __importDefault(require("twilio"));
const mfa_events_1 = require("../src/common/mfa-events");
const voice_fallback_service_1 = require("../src/sms/voice-fallback.service");
const event_emitter_1 = require("@nestjs/event-emitter");
const sns_signer_1 = require("./fakes/sns-signer");
const app_1 = require("./support/app");
const database_1 = require("./support/database");
const providers_1 = require("./support/providers");
const EVENTS = '/mfa/webhooks/aws/events';
const STATUS = '/mfa/webhooks/twilio/status';
function eumEvent(messageId, eventType, extra = {}) {
    return {
        eventType,
        eventVersion: '1.0',
        eventTimestamp: Date.now(),
        isFinal: eventType !== 'TEXT_SUCCESSFUL',
        originationPhoneNumber: '+15005550007',
        destinationPhoneNumber: '+1415•••••••',
        isoCountryCode: 'US',
        messageId,
        messageRequestTimestamp: Date.now(),
        messageEncoding: 'GSM',
        messageType: 'TRANSACTIONAL',
        messageStatus: eventType.replace(/^TEXT_|^VOICE_/, ''),
        totalMessageParts: 1,
        ...extra,
    };
}
(0, node_test_1.describe)('delivery reports: AWS End User Messaging events by signed SNS notifications', () => {
    let db;
    let fakes;
    let sns;
    let other;
    let t;
    let users = 0;
    const bearer = (userId) => ({ Authorization: `Bearer ${t.token(userId)}` });
    const notification = (event, version = '2', signer = sns) => signer.notification(event, { version, Timestamp: t.clock.now().toISOString() });
    const post = (message) => t.http.post(EVENTS).set('Content-Type', 'text/plain; charset=UTF-8').send(JSON.stringify(message));
    async function row(messageId) {
        return (0, database_1.withClient)(db.url, async (c) => {
            const { rows } = await c.query(`SELECT * FROM sms_send_log WHERE provider_message_id = $1`, [messageId]);
            return rows[0];
        });
    }
    async function sent(userId = `sns-user-${++users}`, phone = `+1415201${String(500 + users).padStart(4, '0')}`) {
        fakes.eum.reset();
        const res = await t.http.post('/mfa/sms/enroll').set(bearer(userId)).send({ phoneNumber: phone }).expect(202);
        const rows = await (0, database_1.withClient)(db.url, async (c) => (await c.query(`SELECT provider_message_id FROM sms_send_log WHERE challenge_id = $1`, [res.body.challengeId])).rows);
        return { userId, phone, challengeId: res.body.challengeId, messageId: rows[0].provider_message_id };
    }
    (0, node_test_1.before)(async () => {
        db = await (0, database_1.createTestDatabase)();
        fakes = await (0, providers_1.startProviderFakes)();
        const validity = { notBefore: new Date('2025-01-01T00:00:00Z'), notAfter: new Date('2030-01-01T00:00:00Z') };
        sns = await sns_signer_1.SnsSigner.create(validity);
        other = await sns_signer_1.SnsSigner.create(validity);
        t = await (0, app_1.startTestApp)(db.url, {
            ...fakes.config,
            ...fakes.eumConfig,
            twilioEnabled: false,
            awsSnsEnabled: false,
            awsSnsCertUrlPattern: sns.certUrlPattern,
        });
    });
    (0, node_test_1.after)(async () => {
        await t?.close();
        await Promise.all([fakes?.stop(), sns?.stop(), other?.stop()]);
        await db?.drop();
    });
    (0, node_test_1.beforeEach)(() => fakes.eum.reset());
    for (const version of ['1', '2']) {
        (0, node_test_1.it)(`a v${version} signature moves the send log forward and replaces the estimated price`, async () => {
            const { messageId } = await sent();
            await post(notification(eumEvent(messageId, 'TEXT_DELIVERED', { totalMessagePrice: 0.00645 }), version)).expect(204);
            const r = await row(messageId);
            strict_1.default.equal(r.status, 'delivered');
            strict_1.default.ok(r.delivered_at);
            strict_1.default.equal(Number(r.price), 0.00645);
            strict_1.default.equal(r.currency, 'USD');
        });
    }
    (0, node_test_1.it)('a signed event near SNS’s 256 KiB message limit is taken on its route; other routes keep the 16 KiB limit', async () => {
        const { messageId } = await sent();
        const large = notification(eumEvent(messageId, 'TEXT_DELIVERED', { context: { note: 'x'.repeat(240 * 1024) } }));
        strict_1.default.ok(JSON.stringify(large).length > 240 * 1024);
        await post(large).expect(204);
        strict_1.default.equal((await row(messageId)).status, 'delivered');
        const elsewhere = await t.http
            .post('/mfa/sms/enroll')
            .set(bearer('big-body'))
            .set('Content-Type', 'text/plain')
            .send('x'.repeat(64 * 1024));
        strict_1.default.equal(elsewhere.status, 413);
        const json = await t.http.post('/mfa/sms/enroll').set(bearer('big-body')).send({ phoneNumber: 'x'.repeat(64 * 1024) });
        strict_1.default.equal(json.status, 413);
    });
    (0, node_test_1.it)('forward only: a late TEXT_SUCCESSFUL after TEXT_DELIVERED changes nothing; unknown ids are acknowledged', async () => {
        const { messageId } = await sent();
        await post(notification(eumEvent(messageId, 'TEXT_DELIVERED'))).expect(204);
        await post(notification(eumEvent(messageId, 'TEXT_SUCCESSFUL'))).expect(204);
        strict_1.default.equal((await row(messageId)).status, 'delivered');
        await post(notification(eumEvent('00000000-0000-4000-8000-000000000000', 'TEXT_DELIVERED'))).expect(204);
    });
    (0, node_test_1.it)('a tampered body is 403 and changes nothing', async () => {
        const { messageId } = await sent();
        const signed = notification(eumEvent(messageId, 'TEXT_DELIVERED'));
        const tampered = { ...signed, Message: JSON.stringify(eumEvent(messageId, 'TEXT_BLOCKED')) };
        const res = await post(tampered).expect(403);
        strict_1.default.equal(res.body.code, 'FORBIDDEN');
        strict_1.default.equal((await row(messageId)).status, 'queued');
    });
    (0, node_test_1.it)('a certificate on a host the pattern does not allow is 403, and is never fetched', async () => {
        const { messageId } = await sent();
        const fetchesBefore = other.certFetches;
        await post(notification(eumEvent(messageId, 'TEXT_DELIVERED'), '2', other)).expect(403);
        await post({ ...notification(eumEvent(messageId, 'TEXT_DELIVERED')), SigningCertURL: 'https://sns.eu-west-1.amazonaws.com.evil.example/SimpleNotificationService-0123456789abcdef0123456789abcdef.pem' }).expect(403);
        strict_1.default.equal(other.certFetches, fetchesBefore);
        await post({ ...notification(eumEvent(messageId, 'TEXT_DELIVERED'), '2', other), SigningCertURL: sns.certUrl }).expect(403);
        strict_1.default.equal((await row(messageId)).status, 'queued');
    });
    (0, node_test_1.it)('missing signature fields are 403; a body that is not JSON is 400', async () => {
        const { messageId } = await sent();
        const { Signature: _, ...unsigned } = notification(eumEvent(messageId, 'TEXT_DELIVERED'));
        strict_1.default.equal((await post(unsigned).expect(403)).body.code, 'FORBIDDEN');
        const junk = await t.http.post(EVENTS).set('Content-Type', 'text/plain').send('not json at all').expect(400);
        strict_1.default.equal(junk.body.code, 'VALIDATION_FAILED');
        const empty = await t.http.post(EVENTS).set('Content-Type', 'application/json').send({}).expect(403);
        strict_1.default.equal(empty.body.code, 'FORBIDDEN');
    });
    (0, node_test_1.it)('a replayed notification is acknowledged and does nothing again; an old one is refused', async () => {
        const { messageId } = await sent();
        const blocked = notification(eumEvent(messageId, 'TEXT_BLOCKED', { totalMessagePrice: 0.00645 }));
        await post(blocked).expect(204);
        await post(blocked).expect(204);
        const r = await row(messageId);
        strict_1.default.equal(r.status, 'undelivered');
        strict_1.default.equal(r.error_code, 'TEXT_BLOCKED');
        const old = sns.notification(eumEvent(messageId, 'TEXT_DELIVERED'), { Timestamp: new Date(t.clock.now().getTime() - 2 * 3600_000).toISOString() });
        await post(old).expect(403);
    });
    (0, node_test_1.it)('subscriptions are confirmed at the SubscribeURL on the certificate\'s origin, and only there', async () => {
        const visited = sns.nextConfirmation();
        await post(sns.subscriptionConfirmation(sns.confirmUrl('token-1'), { Timestamp: t.clock.now().toISOString() })).expect(204);
        strict_1.default.equal(await visited, sns.confirmUrl('token-1'));
        const elsewhere = sns.subscriptionConfirmation(other.confirmUrl('token-2'), { Timestamp: t.clock.now().toISOString() });
        await post(elsewhere).expect(403);
        strict_1.default.deepEqual(other.confirmations, []);
    });
    (0, node_test_1.it)('AWS_SNS_TOPIC_ARNS refuses a validly signed message from another topic', async () => {
        const strict = await (0, app_1.startTestApp)(db.url, {
            ...fakes.config,
            ...fakes.eumConfig,
            twilioEnabled: false,
            awsSnsCertUrlPattern: sns.certUrlPattern,
            awsSnsTopicArns: ['arn:aws:sns:eu-west-1:123456789012:only-this-one'],
        });
        try {
            const fetches = sns.certFetches;
            const message = sns.notification(eumEvent('x', 'TEXT_DELIVERED'), { Timestamp: strict.clock.now().toISOString() });
            await strict.http.post(EVENTS).set('Content-Type', 'text/plain').send(JSON.stringify(message)).expect(403);
            strict_1.default.equal(sns.certFetches, fetches, 'refused before any certificate fetch');
        }
        finally {
            await strict.close();
        }
    });
    (0, node_test_1.it)('without AWS End User Messaging the route answers 404 and fetches nothing', async () => {
        const none = await (0, app_1.startTestApp)(db.url, { ...fakes.config, awsSnsCertUrlPattern: sns.certUrlPattern });
        try {
            const fetches = sns.certFetches;
            const message = sns.notification(eumEvent('x', 'TEXT_DELIVERED'), { Timestamp: none.clock.now().toISOString() });
            const res = await none.http.post(EVENTS).set('Content-Type', 'text/plain').send(JSON.stringify(message)).expect(404);
            strict_1.default.equal(res.body.code, 'NOT_FOUND');
            strict_1.default.equal(sns.certFetches, fetches);
        }
        finally {
            await none.close();
        }
    });
});
(0, node_test_1.describe)('voice fallback', () => {
    let db;
    let fakes;
    let sns;
    let t;
    let second;
    let users = 0;
    const fallbacks = [];
    const config = () => ({
        ...fakes.config,
        ...fakes.eumConfig,
        awsSnsEnabled: false,
        channels: ['sms'],
        voiceFallback: true,
        awsSnsCertUrlPattern: sns.certUrlPattern,
        providers: { ...fakes.config.providers, AWS_EUM: { priority: 5, maxPerMinute: 100_000, maxPerHour: 100_000, maxPerDay: 100_000 } },
    });
    function signedStatus(app, params) {
        const signature = twilio_1.default.getExpectedTwilioSignature(providers_1.TWILIO_TOKEN, `${providers_1.PUBLIC_BASE_URL}${STATUS}`, params);
        return app.http.post(STATUS).type('form').set('X-Twilio-Signature', signature).send(params);
    }
    async function smsSent(app) {
        const userId = `fallback-user-${++users}`;
        const phone = `+1415201${String(700 + users).padStart(4, '0')}`;
        fakes.twilio.reset();
        fakes.eum.reset();
        const auth = { Authorization: `Bearer ${app.token(userId)}` };
        const res = await app.http.post('/mfa/sms/enroll').set(auth).set('Accept-Language', 'fr').send({ phoneNumber: phone }).expect(202);
        strict_1.default.equal(res.body.channel, 'sms');
        const [message] = fakes.twilio.requestsTo('Messages');
        return { userId, auth, phone, challengeId: res.body.challengeId, message };
    }
    async function sidOf(challengeId) {
        return (0, database_1.withClient)(db.url, async (c) => (await c.query(`SELECT provider_message_id FROM sms_send_log WHERE challenge_id = $1 AND channel = 'sms'`, [challengeId])).rows[0].provider_message_id);
    }
    (0, node_test_1.before)(async () => {
        db = await (0, database_1.createTestDatabase)();
        fakes = await (0, providers_1.startProviderFakes)();
        sns = await sns_signer_1.SnsSigner.create({ notBefore: new Date('2025-01-01T00:00:00Z'), notAfter: new Date('2030-01-01T00:00:00Z') });
        t = await (0, app_1.startTestApp)(db.url, config());
        second = await (0, app_1.startTestApp)(db.url, config());
        t.app.get(event_emitter_1.EventEmitter2).on(mfa_events_1.MfaEvent.SmsFallback, (p) => fallbacks.push(p));
    });
    (0, node_test_1.after)(async () => {
        await t?.close();
        await second?.close();
        await Promise.all([fakes?.stop(), sns?.stop()]);
        await db?.drop();
    });
    (0, node_test_1.it)('an undelivered Twilio report, delivered twice on two instances, gives exactly one call with a fresh code; the old code dies', async () => {
        const { auth, challengeId, message } = await smsSent(t);
        const sid = await sidOf(challengeId);
        const oldCode = (0, providers_1.codeIn)(message.form.get('Body'));
        const report = { MessageSid: sid, MessageStatus: 'undelivered', ErrorCode: '30003', AccountSid: fakes.config.twilioAccountSid };
        const [a, b, c] = await Promise.all([signedStatus(t, report), signedStatus(second, report), signedStatus(t, report)]);
        strict_1.default.deepEqual([a.status, b.status, c.status], [204, 204, 204]);
        await Promise.all([t.app.get(voice_fallback_service_1.VoiceFallback).settled(), second.app.get(voice_fallback_service_1.VoiceFallback).settled()]);
        const calls = fakes.twilio.requestsTo('Calls');
        strict_1.default.equal(calls.length, 1, 'exactly one call');
        const twiml = calls[0].form.get('Twiml');
        strict_1.default.match(twiml, /language="fr-FR"/, 'in the language of the SMS');
        const newCode = [...twiml.matchAll(/<Say[^>]*>([\d, ]+)\.<\/Say>/g)][0][1].replace(/\D/g, '');
        const rows = await (0, database_1.withClient)(db.url, async (q) => (await q.query(`SELECT channel, reason, status FROM sms_send_log WHERE user_id = (SELECT user_id FROM mfa_challenges WHERE id = $1) ORDER BY id`, [challengeId])).rows);
        strict_1.default.deepEqual(rows, [
            { channel: 'sms', reason: null, status: 'undelivered' },
            { channel: 'voice', reason: 'fallback:undelivered', status: 'queued' },
        ]);
        if (oldCode !== newCode) {
            const stale = await t.http.post('/mfa/sms/enroll/verify').set(auth).send({ code: oldCode }).expect(400);
            strict_1.default.equal(stale.body.code, 'CODE_INVALID');
        }
        await t.http.post('/mfa/sms/enroll/verify').set(auth).send({ code: newCode }).expect(200);
        const event = fallbacks.find((f) => f.previousChallengeId === challengeId);
        strict_1.default.equal(event?.channel, 'voice');
        strict_1.default.equal(event?.reason, 'fallback:undelivered');
    });
    (0, node_test_1.it)('50 concurrent copies of an undelivered report over two instances: exactly one call', async () => {
        const { challengeId } = await smsSent(t);
        const report = { MessageSid: await sidOf(challengeId), MessageStatus: 'undelivered', ErrorCode: '30006' };
        const results = await Promise.all(Array.from({ length: 50 }, (_, i) => signedStatus(i % 2 ? second : t, report)));
        strict_1.default.ok(results.every((r) => r.status === 204));
        await Promise.all([t.app.get(voice_fallback_service_1.VoiceFallback).settled(), second.app.get(voice_fallback_service_1.VoiceFallback).settled()]);
        strict_1.default.equal(fakes.twilio.requestsTo('Calls').length, 1);
    });
    (0, node_test_1.it)('the fallback counts on the limits: a user at the hourly limit gets no call', async () => {
        const limited = await (0, app_1.startTestApp)(db.url, { ...config(), hourlyLimit: 1 });
        try {
            const { challengeId } = await smsSent(limited);
            const sid = await sidOf(challengeId);
            await signedStatus(limited, { MessageSid: sid, MessageStatus: 'undelivered', ErrorCode: '30003' }).expect(204);
            await limited.app.get(voice_fallback_service_1.VoiceFallback).settled();
            strict_1.default.equal(fakes.twilio.requestsTo('Calls').length, 0);
            const metrics = await limited.http.get('/metrics').expect(200);
            strict_1.default.match(metrics.text, /sms_voice_fallback_total\{result="refused"\} 1/);
        }
        finally {
            await limited.close();
        }
    });
    (0, node_test_1.it)('a fallback the limits refuse leaves the user their code (it is not killed before the screening)', async () => {
        const limited = await (0, app_1.startTestApp)(db.url, { ...config(), hourlyLimit: 1 });
        try {
            const { auth, challengeId, message } = await smsSent(limited);
            await signedStatus(limited, { MessageSid: await sidOf(challengeId), MessageStatus: 'undelivered', ErrorCode: '30003' }).expect(204);
            await limited.app.get(voice_fallback_service_1.VoiceFallback).settled();
            strict_1.default.equal(fakes.twilio.requestsTo('Calls').length, 0, 'refused by the hourly limit');
            await limited.http.post('/mfa/sms/enroll/verify').set(auth).send({ code: (0, providers_1.codeIn)(message.form.get('Body')) }).expect(200);
        }
        finally {
            await limited.close();
        }
    });
    (0, node_test_1.it)('no fallback for a delivered message, a used code, or a report on a call', async () => {
        const { auth, challengeId, message } = await smsSent(t);
        const sid = await sidOf(challengeId);
        await t.http.post('/mfa/sms/enroll/verify').set(auth).send({ code: (0, providers_1.codeIn)(message.form.get('Body')) }).expect(200);
        await signedStatus(t, { MessageSid: sid, MessageStatus: 'undelivered', ErrorCode: '30003' }).expect(204);
        await t.app.get(voice_fallback_service_1.VoiceFallback).settled();
        strict_1.default.equal(fakes.twilio.requestsTo('Calls').length, 0, 'the code was already used');
    });
    (0, node_test_1.it)('a message blocked as spam or fraud never becomes a call (Twilio 30007, 30450, no error code)', async () => {
        const reports = [
            { MessageStatus: 'undelivered', ErrorCode: '30007' },
            { MessageStatus: 'failed', ErrorCode: '30450' },
            { MessageStatus: 'undelivered' },
        ];
        for (const report of reports) {
            const { challengeId } = await smsSent(t);
            await signedStatus(t, { MessageSid: await sidOf(challengeId), ...report }).expect(204);
            await t.app.get(voice_fallback_service_1.VoiceFallback).settled();
            strict_1.default.equal(fakes.twilio.requestsTo('Calls').length, 0, JSON.stringify(report));
        }
    });
    (0, node_test_1.it)('Twilio 30008 (unknown error, which carrier filtering also reports) never becomes a call', async () => {
        const reports = [
            { MessageStatus: 'undelivered', ErrorCode: '30008' },
            { MessageStatus: 'failed', ErrorCode: '30008' },
        ];
        for (const report of reports) {
            const { challengeId } = await smsSent(t);
            await signedStatus(t, { MessageSid: await sidOf(challengeId), ...report }).expect(204);
            await t.app.get(voice_fallback_service_1.VoiceFallback).settled();
            strict_1.default.equal(fakes.twilio.requestsTo('Calls').length, 0, JSON.stringify(report));
        }
    });
    (0, node_test_1.it)('when every SMS provider refuses the destination (none is down), no call is made', async () => {
        fakes.twilio.reset({ kind: 'error', status: 400, code: '21408', onlyPath: '/Messages.json' });
        fakes.eum.reset({ kind: 'error', status: 400, code: 'ValidationException:DESTINATION_COUNTRY_BLOCKED' });
        const res = await t.http
            .post('/mfa/sms/enroll')
            .set({ Authorization: `Bearer ${t.token(`fallback-user-${++users}`)}` })
            .send({ phoneNumber: '+14152010792' })
            .expect(403);
        strict_1.default.equal(res.body.code, 'COUNTRY_NOT_ALLOWED');
        strict_1.default.equal(fakes.twilio.requestsTo('Calls').length + fakes.eum.operations('SendVoiceMessage').length, 0);
        fakes.twilio.reset();
        fakes.eum.reset();
    });
    (0, node_test_1.it)('an AWS TEXT_CARRIER_UNREACHABLE event delivered twice gives exactly one voice message; TEXT_SPAM gives none', async () => {
        fakes.twilio.mode = { kind: 'error', status: 500, code: '20500', onlyPath: '/Messages.json' };
        const userId = `fallback-user-${++users}`;
        fakes.eum.reset();
        const res = await t.http.post('/mfa/sms/enroll').set({ Authorization: `Bearer ${t.token(userId)}` }).send({ phoneNumber: '+14152010790' }).expect(202);
        fakes.twilio.reset();
        const messageId = await (0, database_1.withClient)(db.url, async (c) => (await c.query(`SELECT provider_message_id FROM sms_send_log WHERE challenge_id = $1 AND provider = 'AWS_EUM'`, [res.body.challengeId])).rows[0].provider_message_id);
        const blocked = JSON.stringify(sns.notification(eumEvent(messageId, 'TEXT_CARRIER_UNREACHABLE'), { Timestamp: t.clock.now().toISOString() }));
        await Promise.all([
            t.http.post(EVENTS).set('Content-Type', 'text/plain').send(blocked).expect(204),
            second.http.post(EVENTS).set('Content-Type', 'text/plain').send(blocked).expect(204),
        ]);
        await Promise.all([t.app.get(voice_fallback_service_1.VoiceFallback).settled(), second.app.get(voice_fallback_service_1.VoiceFallback).settled()]);
        const calls = fakes.twilio.requestsTo('Calls').length + fakes.eum.operations('SendVoiceMessage').length;
        strict_1.default.equal(calls, 1);
        fakes.twilio.reset({ kind: 'error', status: 500, code: '20500', onlyPath: '/Messages.json' });
        const spam = await t.http.post('/mfa/sms/enroll').set({ Authorization: `Bearer ${t.token(`fallback-user-${++users}`)}` }).send({ phoneNumber: '+14152010793' }).expect(202);
        fakes.twilio.reset();
        const spamId = await (0, database_1.withClient)(db.url, async (c) => (await c.query(`SELECT provider_message_id FROM sms_send_log WHERE challenge_id = $1 AND provider = 'AWS_EUM'`, [spam.body.challengeId])).rows[0].provider_message_id);
        const spamEvent = JSON.stringify(sns.notification(eumEvent(spamId, 'TEXT_SPAM'), { Timestamp: t.clock.now().toISOString() }));
        await t.http.post(EVENTS).set('Content-Type', 'text/plain').send(spamEvent).expect(204);
        await t.app.get(voice_fallback_service_1.VoiceFallback).settled();
        strict_1.default.equal(fakes.twilio.requestsTo('Calls').length, 0);
    });
    (0, node_test_1.it)('when no SMS provider takes the message, the same unseen code goes by voice at once: 202 with channel voice', async () => {
        fakes.twilio.reset({ kind: 'error', status: 500, code: '20500', onlyPath: '/Messages.json' });
        fakes.eum.reset({ kind: 'error', status: 400, code: 'ValidationException:DESTINATION_COUNTRY_BLOCKED' });
        const userId = `fallback-user-${++users}`;
        const auth = { Authorization: `Bearer ${t.token(userId)}` };
        const res = await t.http.post('/mfa/sms/enroll').set(auth).send({ phoneNumber: '+14152010791' }).expect(202);
        strict_1.default.equal(res.body.channel, 'voice');
        const [call] = fakes.twilio.requestsTo('Calls');
        const code = [...call.form.get('Twiml').matchAll(/<Say[^>]*>([\d, ]+)\.<\/Say>/g)][0][1].replace(/\D/g, '');
        const rows = await (0, database_1.withClient)(db.url, async (q) => (await q.query(`SELECT provider, channel, reason, status FROM sms_send_log WHERE challenge_id = $1 ORDER BY id`, [res.body.challengeId])).rows);
        strict_1.default.deepEqual(rows.at(-1), { provider: 'TWILIO', channel: 'voice', reason: 'fallback:no_provider', status: 'queued' });
        fakes.twilio.reset();
        fakes.eum.reset();
        const verified = await t.http.post('/mfa/sms/enroll/verify').set(auth).send({ code });
        strict_1.default.equal(verified.status, 200, JSON.stringify(verified.body));
    });
});
//# sourceMappingURL=delivery-reports.e2e-spec.js.map