"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
const strict_1 = __importDefault(require("node:assert/strict"));
const node_test_1 = require("node:test");
const conversion_feedback_service_1 = require("../src/sms/conversion-feedback.service");
const eum_fake_1 = require("./fakes/eum-fake");
const app_1 = require("./support/app");
const database_1 = require("./support/database");
const providers_1 = require("./support/providers");
function spokenCode(twiml) {
    const digits = [...twiml.matchAll(/<Say[^>]*>([\d, ]+)\.<\/Say>/g)].map((m) => m[1].replace(/\D/g, ''));
    strict_1.default.equal(digits.length, 2, 'the digits are said twice');
    strict_1.default.equal(digits[0], digits[1]);
    return digits[0];
}
function ssmlCode(ssml) {
    const digits = ssml.replace(/<[^>]+>/g, ' ').match(/\b\d\b/g) ?? [];
    strict_1.default.equal(digits.length % 2, 0, 'the digits are said twice');
    return digits.slice(0, digits.length / 2).join('');
}
(0, node_test_1.describe)('channels: sms, voice and WhatsApp', () => {
    let db;
    let fakes;
    let t;
    let users = 0;
    const bearer = (userId) => ({ Authorization: `Bearer ${t.token(userId)}` });
    const nextUser = () => `channel-user-${++users}`;
    async function sendLog(challengeId) {
        return (0, database_1.withClient)(db.url, async (c) => {
            const { rows } = await c.query(`SELECT * FROM sms_send_log WHERE challenge_id = $1 ORDER BY attempt`, [challengeId]);
            return rows;
        });
    }
    const channelConfig = (f) => ({
        ...f.config,
        channels: ['sms', 'voice', 'whatsapp'],
        twilioWhatsappFrom: '+15005550009',
        twilioWhatsappContentSid: 'HX' + 'ab'.repeat(16),
        voiceFixedLineCountries: ['FR'],
        hourlyLimit: 100,
        dailyLimit: 100,
        enrollNumberHourlyLimit: 100,
        enrollNumberDailyLimit: 100,
    });
    (0, providers_1.useAppWithFakes)(channelConfig, (env) => ({ db, fakes, t } = env));
    async function verifiedOwner(phone) {
        const owner = nextUser();
        await t.http.post('/mfa/sms/enroll').set(bearer(owner)).send({ phoneNumber: phone }).expect(202);
        await t.http.post('/mfa/sms/enroll/verify').set(bearer(owner)).send({ code: (0, providers_1.codeIn)(fakes.twilio.bodiesTo(phone).at(-1)) }).expect(200);
        fakes.twilio.reset();
        return owner;
    }
    const rowCounts = () => (0, database_1.withClient)(db.url, async (c) => (await c.query(`SELECT (SELECT count(*)::int FROM mfa_challenges) AS challenges,
      (SELECT count(*)::int FROM sms_send_log) AS attempts, (SELECT count(*)::int FROM mfa_sms_factors) AS factors`)).rows[0]);
    (0, node_test_1.beforeEach)(() => {
        fakes.twilio.reset();
        fakes.sns.reset();
    });
    (0, node_test_1.it)('a call through Twilio says the digits one by one, twice, in the user\'s language; the response says voice', async () => {
        const userId = nextUser();
        const phone = '+14152010201';
        const res = await t.http
            .post('/mfa/sms/enroll')
            .set(bearer(userId))
            .set('Accept-Language', 'fr-FR, fr;q=0.9')
            .send({ phoneNumber: phone, channel: 'voice' })
            .expect(202);
        strict_1.default.equal(res.body.channel, 'voice');
        const [call] = fakes.twilio.requestsTo('Calls');
        strict_1.default.equal(fakes.twilio.requestsTo('Messages').length, 0);
        strict_1.default.equal(call.form.get('To'), phone);
        strict_1.default.equal(call.form.get('From'), '+15005550006');
        const twiml = call.form.get('Twiml');
        strict_1.default.match(twiml, /<Say language="fr-FR">Votre code de vérification Haven Health est<\/Say>/);
        strict_1.default.match(twiml, /<Pause length="1"\/>/);
        strict_1.default.match(call.form.get('StatusCallback'), /\/mfa\/webhooks\/twilio\/status$/);
        const [row] = await sendLog(res.body.challengeId);
        strict_1.default.equal(row.channel, 'voice');
        strict_1.default.match(row.provider_message_id, /^CA[0-9a-f]{32}$/);
        await t.http.post('/mfa/sms/enroll/verify').set(bearer(userId)).send({ code: spokenCode(twiml) }).expect(200);
    });
    (0, node_test_1.it)('a language Twilio cannot speak is said in English', async () => {
        const userId = nextUser();
        await t.http
            .post('/mfa/sms/enroll')
            .set(bearer(userId))
            .set('Accept-Language', 'so')
            .send({ phoneNumber: '+14152010202', channel: 'voice' })
            .expect(202);
        const twiml = fakes.twilio.requestsTo('Calls')[0].form.get('Twiml');
        strict_1.default.match(twiml, /<Say language="en-US">Your Haven Health verification code is<\/Say>/);
    });
    (0, node_test_1.it)('WhatsApp goes through the approved template, the code as variable 1, from the WhatsApp sender', async () => {
        const userId = nextUser();
        const phone = '+14152010203';
        const res = await t.http.post('/mfa/sms/enroll').set(bearer(userId)).send({ phoneNumber: phone, channel: 'whatsapp' }).expect(202);
        strict_1.default.equal(res.body.channel, 'whatsapp');
        const [message] = fakes.twilio.requestsTo('Messages');
        strict_1.default.equal(message.form.get('To'), `whatsapp:${phone}`);
        strict_1.default.equal(message.form.get('From'), 'whatsapp:+15005550009');
        strict_1.default.equal(message.form.get('ContentSid'), 'HX' + 'ab'.repeat(16));
        strict_1.default.equal(message.form.get('Body'), null, 'a template message carries no free text');
        const variables = JSON.parse(message.form.get('ContentVariables'));
        strict_1.default.match(variables['1'], /^\d{6}$/);
        const [row] = await sendLog(res.body.challengeId);
        strict_1.default.equal(row.channel, 'whatsapp');
        await t.http.post('/mfa/sms/enroll/verify').set(bearer(userId)).send({ code: variables['1'] }).expect(200);
    });
    (0, node_test_1.it)('a WhatsApp template error is a rejection like any other: no circuit count, the send log says why', async () => {
        const userId = nextUser();
        fakes.twilio.mode = { kind: 'error', status: 400, code: '63016' };
        const res = await t.http
            .post('/mfa/sms/enroll')
            .set(bearer(userId))
            .send({ phoneNumber: '+14152010204', channel: 'whatsapp' })
            .expect(503);
        strict_1.default.equal(res.body.code, 'PROVIDERS_UNAVAILABLE');
        const health = await t.http.get('/health').expect(200);
        const twilio = health.body.info.sms.providers.find((p) => p.name === 'TWILIO');
        strict_1.default.equal(twilio.channels.whatsapp, 'closed');
        const rows = await (0, database_1.withClient)(db.url, async (c) => (await c.query(`SELECT error_code, error_kind, channel FROM sms_send_log WHERE user_id = $1`, [userId])).rows);
        strict_1.default.deepEqual(rows, [{ error_code: '63016', error_kind: 'rejected', channel: 'whatsapp' }]);
    });
    (0, node_test_1.it)('a fixed line takes voice only, in an opted-in country: SMS enrolment refused, voice accepted, later SMS → CHANNEL_NOT_AVAILABLE', async () => {
        const userId = nextUser();
        const landline = '+33142685300';
        const sms = await t.http.post('/mfa/sms/enroll').set(bearer(userId)).send({ phoneNumber: landline }).expect(400);
        strict_1.default.equal(sms.body.code, 'INVALID_PHONE');
        await t.http.post('/mfa/sms/enroll').set(bearer(userId)).send({ phoneNumber: landline, channel: 'voice' }).expect(202);
        const code = spokenCode(fakes.twilio.requestsTo('Calls')[0].form.get('Twiml'));
        await t.http.post('/mfa/sms/enroll/verify').set(bearer(userId)).send({ code }).expect(200);
        fakes.twilio.reset();
        for (const channel of [undefined, 'whatsapp']) {
            const refused = await t.http.post('/mfa/sms/challenge').set(bearer(userId)).send({ channel }).expect(400);
            strict_1.default.equal(refused.body.code, 'CHANNEL_NOT_AVAILABLE');
        }
        strict_1.default.equal(fakes.twilio.requests.length, 0);
        await t.http.post('/mfa/sms/challenge').set(bearer(userId)).send({ channel: 'voice' }).expect(202);
        strict_1.default.equal(fakes.twilio.requestsTo('Calls').length, 1);
    });
    (0, node_test_1.it)('all channels share one set of limits: the user\'s hourly limit counts SMS, calls and WhatsApp together', async () => {
        const limited = await (0, app_1.startTestApp)(db.url, {
            ...fakes.config,
            channels: ['sms', 'voice', 'whatsapp'],
            twilioWhatsappFrom: '+15005550009',
            twilioWhatsappContentSid: 'HX' + 'ab'.repeat(16),
            hourlyLimit: 2,
        });
        try {
            const userId = nextUser();
            const auth = { Authorization: `Bearer ${limited.token(userId)}` };
            const phone = '+14152010205';
            await limited.http.post('/mfa/sms/enroll').set(auth).send({ phoneNumber: phone }).expect(202);
            await limited.http.post('/mfa/sms/enroll/verify').set(auth).send({ code: (0, providers_1.codeIn)(fakes.twilio.bodiesTo(phone).at(-1)) }).expect(200);
            await limited.http.post('/mfa/sms/challenge').set(auth).send({ channel: 'voice' }).expect(202);
            const third = await limited.http.post('/mfa/sms/challenge').set(auth).send({ channel: 'whatsapp' }).expect(429);
            strict_1.default.equal(third.body.code, 'RATE_LIMITED');
            strict_1.default.equal(third.body.limit, 'user_hourly');
        }
        finally {
            await limited.close();
        }
    });
    (0, node_test_1.it)('budgets and circuits are per provider and channel: Twilio voice failing opens its voice circuit only', async () => {
        const separate = await (0, app_1.startTestApp)(db.url, {
            ...fakes.config,
            channels: ['sms', 'voice'],
            circuitFailureThreshold: 2,
            providers: { ...fakes.config.providers, TWILIO_VOICE: { maxPerMinute: 1, maxPerHour: 100_000, maxPerDay: 100_000 } },
            mockSmsEnabled: true,
        });
        try {
            separate.clock.advanceMinutes(5);
            const auth = (u) => ({ Authorization: `Bearer ${separate.token(u)}` });
            await separate.http.post('/mfa/sms/enroll').set(auth(nextUser())).send({ phoneNumber: '+14152010206', channel: 'voice' }).expect(202);
            await separate.http.post('/mfa/sms/enroll').set(auth(nextUser())).send({ phoneNumber: '+14152010207', channel: 'voice' }).expect(202);
            await separate.http.post('/mfa/sms/enroll').set(auth(nextUser())).send({ phoneNumber: '+14152010208' }).expect(202);
            strict_1.default.equal(fakes.twilio.requestsTo('Calls').length, 1, JSON.stringify(fakes.twilio.requests.map((r) => r.path)));
            strict_1.default.equal(fakes.twilio.requestsTo('Messages').length, 1);
            strict_1.default.equal(separate.outbox.messagesTo('+14152010207')[0]?.channel, 'voice');
        }
        finally {
            await separate.close();
        }
        const circuits = await (0, app_1.startTestApp)(db.url, { ...fakes.config, channels: ['sms', 'voice'], circuitFailureThreshold: 2, mockSmsEnabled: true });
        try {
            const auth = (u) => ({ Authorization: `Bearer ${circuits.token(u)}` });
            fakes.twilio.mode = { kind: 'error', status: 500, code: '20500', onlyPath: '/Calls.json' };
            for (const n of [11, 12]) {
                await circuits.http.post('/mfa/sms/enroll').set(auth(nextUser())).send({ phoneNumber: `+141520102${n}`, channel: 'voice' }).expect(202);
            }
            const health = await circuits.http.get('/health').expect(200);
            const twilio = health.body.info.sms.providers.find((p) => p.name === 'TWILIO');
            strict_1.default.deepEqual(twilio.channels, { sms: 'closed', voice: 'open' });
            fakes.twilio.reset();
            await circuits.http.post('/mfa/sms/enroll').set(auth(nextUser())).send({ phoneNumber: '+14152010213' }).expect(202);
            strict_1.default.equal(fakes.twilio.requestsTo('Messages').length, 1, 'SMS still goes to Twilio');
        }
        finally {
            await circuits.close();
        }
    });
    (0, node_test_1.it)('a channel that is not enabled, or unknown, is CHANNEL_NOT_AVAILABLE before anything is sent', async () => {
        const smsOnly = await (0, app_1.startTestApp)(db.url, fakes.config);
        try {
            for (const channel of ['voice', 'whatsapp', 'pigeon', 'SMS ']) {
                const res = await smsOnly.http
                    .post('/mfa/sms/enroll')
                    .set({ Authorization: `Bearer ${smsOnly.token(nextUser())}` })
                    .send({ phoneNumber: '+14152010214', channel })
                    .expect(400);
                strict_1.default.equal(res.body.code, 'CHANNEL_NOT_AVAILABLE');
            }
            const wrongType = await smsOnly.http
                .post('/mfa/sms/enroll')
                .set({ Authorization: `Bearer ${smsOnly.token(nextUser())}` })
                .send({ phoneNumber: '+14152010214', channel: 7 })
                .expect(400);
            strict_1.default.equal(wrongType.body.code, 'VALIDATION_FAILED');
            strict_1.default.equal(fakes.twilio.requests.length + fakes.sns.requests.length, 0);
        }
        finally {
            await smsOnly.close();
        }
    });
    (0, node_test_1.it)('who may call: no token is 401; a session holding only the password cannot enrol a new number by voice; refusals cost nothing', async () => {
        await t.http.post('/mfa/sms/challenge').send({ channel: 'voice' }).expect(401);
        const owner = await verifiedOwner('+14152010230');
        const passwordOnly = { Authorization: `Bearer ${t.token(owner, [], 'password-only')}` };
        const before = await rowCounts();
        const swap = await t.http.post('/mfa/sms/enroll').set(passwordOnly).send({ phoneNumber: '+14152010231', channel: 'voice' }).expect(403);
        strict_1.default.equal(swap.body.code, 'STEP_UP_REQUIRED');
        const unknown = await t.http.post('/mfa/sms/challenge').set(passwordOnly).send({ channel: 'pigeon' }).expect(400);
        strict_1.default.equal(unknown.body.code, 'CHANNEL_NOT_AVAILABLE');
        strict_1.default.deepEqual(await rowCounts(), before, 'no challenge, attempt or factor row');
        strict_1.default.equal(fakes.twilio.requests.length, 0, 'no call, no message');
    });
    (0, node_test_1.it)('50 concurrent voice challenges from one user over two instances: one call, the others 429', async () => {
        const [a, b] = await Promise.all([0, 1].map(() => (0, app_1.startTestApp)(db.url, { ...channelConfig(fakes), cooldownMinutes: 1 })));
        try {
            const owner = await verifiedOwner('+14152010232');
            for (const app of [a, b])
                app.clock.advanceMinutes(5);
            const results = await Promise.all(Array.from({ length: 50 }, (_, i) => (i % 2 ? b : a).http.post('/mfa/sms/challenge').set(bearer(owner)).send({ channel: 'voice' })));
            const statuses = results.map((r) => r.status);
            strict_1.default.equal(statuses.filter((s) => s === 202).length, 1, statuses.join(','));
            strict_1.default.equal(statuses.filter((s) => s === 429).length, 49);
            strict_1.default.equal(fakes.twilio.requestsTo('Calls').length, 1);
        }
        finally {
            await Promise.all([a.close(), b.close()]);
        }
    });
    (0, node_test_1.it)('SMS_CHANNELS naming a channel no enabled provider serves stops the start', async () => {
        await strict_1.default.rejects((0, app_1.startTestApp)(db.url, { ...fakes.config, twilioEnabled: false, channels: ['sms', 'whatsapp'] }), /SMS_CHANNELS includes whatsapp, but no enabled provider serves it/);
    });
    (0, node_test_1.it)('the mock outbox shows a call\'s script', async () => {
        const dev = await (0, app_1.startTestApp)(db.url, { channels: ['sms', 'voice'] });
        try {
            await dev.http
                .post('/mfa/sms/enroll')
                .set({ Authorization: `Bearer ${dev.token(nextUser())}` })
                .send({ phoneNumber: '+14152010215', channel: 'voice' })
                .expect(202);
            const [call] = dev.outbox.messagesTo('+14152010215');
            strict_1.default.equal(call.channel, 'voice');
            strict_1.default.match(call.body, /^Your Haven Health verification code is (\d, ){5}\d\. Once again, your code is (\d, ){5}\d\. Never share this code with anyone\.$/);
        }
        finally {
            await dev.close();
        }
    });
    (0, node_test_1.it)('the OpenAPI document shows channel on enrol, challenge and their responses', async () => {
        const docs = (await t.http.get('/docs-json').expect(200)).body;
        for (const schema of ['EnrollSmsDto', 'SmsChallengeDto', 'SmsChallengeResponse', 'SmsEnrollResponse']) {
            strict_1.default.deepEqual(docs.components.schemas[schema].properties.channel?.enum, ['sms', 'voice', 'whatsapp'], schema);
        }
    });
});
(0, node_test_1.describe)('channels: AWS End User Messaging through its SDK, and conversion feedback', () => {
    let db;
    let fakes;
    let t;
    let users = 0;
    const bearer = (userId) => ({ Authorization: `Bearer ${t.token(userId)}` });
    (0, providers_1.useAppWithFakes)((f) => ({
        ...f.config,
        ...f.eumConfig,
        twilioEnabled: false,
        awsSnsEnabled: false,
        channels: ['sms', 'voice'],
        maxPriceUsd: 0.05,
    }), (env) => ({ db, fakes, t } = env));
    (0, node_test_1.beforeEach)(() => fakes.eum.reset());
    (0, node_test_1.it)('SendTextMessage carries the configuration set, the lifetime, the price ceiling, feedback and the challenge', async () => {
        const userId = `eum-${++users}`;
        const phone = '+14152010301';
        const res = await t.http.post('/mfa/sms/enroll').set(bearer(userId)).send({ phoneNumber: phone }).expect(202);
        const [text] = fakes.eum.operations('SendTextMessage');
        strict_1.default.equal(text.DestinationPhoneNumber, phone);
        strict_1.default.equal(text.ConfigurationSetName, 'mfa-events');
        strict_1.default.equal(text.OriginationIdentity, '+15005550007');
        strict_1.default.equal(text.MessageType, 'TRANSACTIONAL');
        strict_1.default.equal(text.TimeToLive, 600);
        strict_1.default.equal(text.MaxPrice, '0.05000');
        strict_1.default.equal(text.MessageFeedbackEnabled, true);
        strict_1.default.deepEqual(text.Context, { challengeId: res.body.challengeId });
        await t.http.post('/mfa/sms/enroll/verify').set(bearer(userId)).send({ code: (0, providers_1.codeIn)(text.MessageBody) }).expect(200);
        await t.app.get(conversion_feedback_service_1.ConversionFeedback).settled();
        const [feedback] = fakes.eum.operations('PutMessageFeedback');
        strict_1.default.equal(feedback.MessageFeedbackStatus, 'RECEIVED');
        strict_1.default.equal(feedback.MessageId, (await messageIdOf(res.body.challengeId)));
    });
    (0, node_test_1.it)('SendVoiceMessage says the digits in SSML with a voice of the user\'s language', async () => {
        const userId = `eum-${++users}`;
        const res = await t.http
            .post('/mfa/sms/enroll')
            .set(bearer(userId))
            .set('Accept-Language', 'es')
            .send({ phoneNumber: '+14152010302', channel: 'voice' })
            .expect(202);
        strict_1.default.equal(res.body.channel, 'voice');
        const [voice] = fakes.eum.operations('SendVoiceMessage');
        strict_1.default.equal(voice.MessageBodyTextType, 'SSML');
        strict_1.default.equal(voice.VoiceId, 'LUCIA');
        strict_1.default.equal(voice.ConfigurationSetName, 'mfa-events');
        strict_1.default.match(voice.MessageBody, /^<speak>Su código de verificación de Haven Health es/);
        await t.http.post('/mfa/sms/enroll/verify').set(bearer(userId)).send({ code: ssmlCode(voice.MessageBody) }).expect(200);
    });
    (0, node_test_1.it)('a failed feedback call is counted and logged, and never fails the verify', async () => {
        const userId = `eum-${++users}`;
        const phone = '+14152010303';
        await t.http.post('/mfa/sms/enroll').set(bearer(userId)).send({ phoneNumber: phone }).expect(202);
        const body = fakes.eum.operations('SendTextMessage')[0].MessageBody;
        fakes.eum.mode = { kind: 'server-error' };
        await t.http.post('/mfa/sms/enroll/verify').set(bearer(userId)).send({ code: (0, providers_1.codeIn)(body) }).expect(200);
        await t.app.get(conversion_feedback_service_1.ConversionFeedback).settled();
        strict_1.default.equal(fakes.eum.requests.filter((r) => eum_fake_1.EumFake.targetOf(r) === 'PutMessageFeedback').length, 1);
        const metrics = await t.http.get('/metrics').expect(200);
        strict_1.default.match(metrics.text, /sms_conversion_feedback_total\{provider="AWS_EUM",result="failed"\} 1/);
    });
    async function messageIdOf(challengeId) {
        return (0, database_1.withClient)(db.url, async (c) => {
            const { rows } = await c.query(`SELECT provider_message_id FROM sms_send_log WHERE challenge_id = $1`, [challengeId]);
            return rows[0].provider_message_id;
        });
    }
});
(0, node_test_1.describe)('channels: Twilio conversion feedback', () => {
    let db;
    let fakes;
    let t;
    (0, providers_1.useAppWithFakes)((f) => f.config, (env) => ({ db, fakes, t } = env));
    (0, node_test_1.it)('after a verified code, Twilio is told the message converted (Outcome=confirmed), off the request path', async () => {
        const auth = { Authorization: `Bearer ${t.token('feedback-user')}` };
        const phone = '+14152010401';
        await t.http.post('/mfa/sms/enroll').set(auth).send({ phoneNumber: phone }).expect(202);
        const [message] = fakes.twilio.requestsTo('Messages');
        strict_1.default.equal(fakes.twilio.requestsTo('Feedback').length, 0, 'nothing before the code is used');
        await t.http.post('/mfa/sms/enroll/verify').set(auth).send({ code: (0, providers_1.codeIn)(message.form.get('Body')) }).expect(200);
        await t.app.get(conversion_feedback_service_1.ConversionFeedback).settled();
        const [feedback] = fakes.twilio.requestsTo('Feedback');
        strict_1.default.equal(feedback.form.get('Outcome'), 'confirmed');
        const sid = await (0, database_1.withClient)(db.url, async (c) => (await c.query(`SELECT provider_message_id FROM sms_send_log`)).rows[0].provider_message_id);
        strict_1.default.ok(feedback.path.endsWith(`/Messages/${sid}/Feedback.json`));
    });
    (0, node_test_1.it)('a wrong code tells the provider nothing', async () => {
        const auth = { Authorization: `Bearer ${t.token('feedback-user-2')}` };
        fakes.twilio.reset();
        await t.http.post('/mfa/sms/enroll').set(auth).send({ phoneNumber: '+14152010402' }).expect(202);
        const code = (0, providers_1.codeIn)(fakes.twilio.requestsTo('Messages')[0].form.get('Body'));
        const wrong = code === '000000' ? '111111' : '000000';
        await t.http.post('/mfa/sms/enroll/verify').set(auth).send({ code: wrong }).expect(400);
        await t.app.get(conversion_feedback_service_1.ConversionFeedback).settled();
        strict_1.default.equal(fakes.twilio.requestsTo('Feedback').length, 0);
    });
});
//# sourceMappingURL=channels.e2e-spec.js.map