import assert from 'node:assert/strict';
import { beforeEach, describe, it } from 'node:test';
import { ConversionFeedback } from '../src/sms/conversion-feedback.service';
import { EumFake } from './fakes/eum-fake';
import { startTestApp, TestApp } from './support/app';
import { TestDatabase, withClient } from './support/database';
import type { MfaConfigOverrides } from '../src/sms-mfa.settings';
import { codeIn, ProviderFakes, useAppWithFakes } from './support/providers';

/** The code a call says: the digits of its first <Say> with digits, one by one. */
function spokenCode(twiml: string): string {
  const digits = [...twiml.matchAll(/<Say[^>]*>([\d, ]+)\.<\/Say>/g)].map((m) => m[1].replace(/\D/g, ''));
  assert.equal(digits.length, 2, 'the digits are said twice');
  assert.equal(digits[0], digits[1]);
  return digits[0];
}

/** The code of an AWS voice message (SSML: the digits one by one, each followed by a break). */
function ssmlCode(ssml: string): string {
  const digits = ssml.replace(/<[^>]+>/g, ' ').match(/\b\d\b/g) ?? [];
  assert.equal(digits.length % 2, 0, 'the digits are said twice');
  return digits.slice(0, digits.length / 2).join('');
}

describe('channels: sms, voice and WhatsApp', () => {
  let db: TestDatabase;
  let fakes: ProviderFakes;
  let t: TestApp;
  let users = 0;
  const bearer = (userId: string) => ({ Authorization: `Bearer ${t.token(userId)}` });
  const nextUser = () => `channel-user-${++users}`;

  async function sendLog(challengeId: string) {
    return withClient(db.url, async (c) => {
      const { rows } = await c.query(`SELECT * FROM sms_send_log WHERE challenge_id = $1 ORDER BY attempt`, [challengeId]);
      return rows;
    });
  }

  const channelConfig = (f: ProviderFakes): MfaConfigOverrides => ({
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
  useAppWithFakes(channelConfig, (env) => ({ db, fakes, t } = env));

  /** Enrols and verifies a number by SMS through Twilio. */
  async function verifiedOwner(phone: string): Promise<string> {
    const owner = nextUser();
    await t.http.post('/mfa/sms/enroll').set(bearer(owner)).send({ phoneNumber: phone }).expect(202);
    await t.http.post('/mfa/sms/enroll/verify').set(bearer(owner)).send({ code: codeIn(fakes.twilio.bodiesTo(phone).at(-1)) }).expect(200);
    fakes.twilio.reset();
    return owner;
  }

  const rowCounts = () =>
    withClient(db.url, async (c) => (await c.query(`SELECT (SELECT count(*)::int FROM mfa_challenges) AS challenges,
      (SELECT count(*)::int FROM sms_send_log) AS attempts, (SELECT count(*)::int FROM mfa_sms_factors) AS factors`)).rows[0]);
  beforeEach(() => {
    fakes.twilio.reset();
    fakes.sns.reset();
  });

  it('a call through Twilio says the digits one by one, twice, in the user\'s language; the response says voice', async () => {
    const userId = nextUser();
    const phone = '+14152010201';
    const res = await t.http
      .post('/mfa/sms/enroll')
      .set(bearer(userId))
      .set('Accept-Language', 'fr-FR, fr;q=0.9')
      .send({ phoneNumber: phone, channel: 'voice' })
      .expect(202);
    assert.equal(res.body.channel, 'voice');
    const [call] = fakes.twilio.requestsTo('Calls');
    assert.equal(fakes.twilio.requestsTo('Messages').length, 0);
    assert.equal(call.form.get('To'), phone);
    assert.equal(call.form.get('From'), '+15005550006');
    const twiml = call.form.get('Twiml')!;
    assert.match(twiml, /<Say language="fr-FR">Votre code de vérification Haven Health est<\/Say>/);
    assert.match(twiml, /<Pause length="1"\/>/);
    assert.match(call.form.get('StatusCallback')!, /\/mfa\/webhooks\/twilio\/status$/);
    const [row] = await sendLog(res.body.challengeId);
    assert.equal(row.channel, 'voice');
    assert.match(row.provider_message_id, /^CA[0-9a-f]{32}$/);
    await t.http.post('/mfa/sms/enroll/verify').set(bearer(userId)).send({ code: spokenCode(twiml) }).expect(200);
  });

  it('a language Twilio cannot speak is said in English', async () => {
    const userId = nextUser();
    await t.http
      .post('/mfa/sms/enroll')
      .set(bearer(userId))
      .set('Accept-Language', 'so')
      .send({ phoneNumber: '+14152010202', channel: 'voice' })
      .expect(202);
    const twiml = fakes.twilio.requestsTo('Calls')[0].form.get('Twiml')!;
    assert.match(twiml, /<Say language="en-US">Your Haven Health verification code is<\/Say>/);
  });

  it('WhatsApp goes through the approved template, the code as variable 1, from the WhatsApp sender', async () => {
    const userId = nextUser();
    const phone = '+14152010203';
    const res = await t.http.post('/mfa/sms/enroll').set(bearer(userId)).send({ phoneNumber: phone, channel: 'whatsapp' }).expect(202);
    assert.equal(res.body.channel, 'whatsapp');
    const [message] = fakes.twilio.requestsTo('Messages');
    assert.equal(message.form.get('To'), `whatsapp:${phone}`);
    assert.equal(message.form.get('From'), 'whatsapp:+15005550009');
    assert.equal(message.form.get('ContentSid'), 'HX' + 'ab'.repeat(16));
    assert.equal(message.form.get('Body'), null, 'a template message carries no free text');
    const variables = JSON.parse(message.form.get('ContentVariables')!) as Record<string, string>;
    assert.match(variables['1'], /^\d{6}$/);
    const [row] = await sendLog(res.body.challengeId);
    assert.equal(row.channel, 'whatsapp');
    await t.http.post('/mfa/sms/enroll/verify').set(bearer(userId)).send({ code: variables['1'] }).expect(200);
  });

  it('a WhatsApp template error is a rejection like any other: no circuit count, the send log says why', async () => {
    const userId = nextUser();
    fakes.twilio.mode = { kind: 'error', status: 400, code: '63016' };
    const res = await t.http
      .post('/mfa/sms/enroll')
      .set(bearer(userId))
      .send({ phoneNumber: '+14152010204', channel: 'whatsapp' })
      .expect(503);
    assert.equal(res.body.code, 'PROVIDERS_UNAVAILABLE');
    const health = await t.http.get('/health').expect(200);
    const twilio = (health.body.info.sms.providers as { name: string; channels: Record<string, string> }[]).find((p) => p.name === 'TWILIO')!;
    assert.equal(twilio.channels.whatsapp, 'closed');
    const rows = await withClient(db.url, async (c) =>
      (await c.query(`SELECT error_code, error_kind, channel FROM sms_send_log WHERE user_id = $1`, [userId])).rows,
    );
    assert.deepEqual(rows, [{ error_code: '63016', error_kind: 'rejected', channel: 'whatsapp' }]);
  });

  it('a fixed line takes voice only, in an opted-in country: SMS enrolment refused, voice accepted, later SMS → CHANNEL_NOT_AVAILABLE', async () => {
    const userId = nextUser();
    const landline = '+33142685300';
    const sms = await t.http.post('/mfa/sms/enroll').set(bearer(userId)).send({ phoneNumber: landline }).expect(400);
    assert.equal(sms.body.code, 'INVALID_PHONE');
    await t.http.post('/mfa/sms/enroll').set(bearer(userId)).send({ phoneNumber: landline, channel: 'voice' }).expect(202);
    const code = spokenCode(fakes.twilio.requestsTo('Calls')[0].form.get('Twiml')!);
    await t.http.post('/mfa/sms/enroll/verify').set(bearer(userId)).send({ code }).expect(200);
    fakes.twilio.reset();
    for (const channel of [undefined, 'whatsapp']) {
      const refused = await t.http.post('/mfa/sms/challenge').set(bearer(userId)).send({ channel }).expect(400);
      assert.equal(refused.body.code, 'CHANNEL_NOT_AVAILABLE');
    }
    assert.equal(fakes.twilio.requests.length, 0);
    await t.http.post('/mfa/sms/challenge').set(bearer(userId)).send({ channel: 'voice' }).expect(202);
    assert.equal(fakes.twilio.requestsTo('Calls').length, 1);
  });

  it('all channels share one set of limits: the user\'s hourly limit counts SMS, calls and WhatsApp together', async () => {
    const limited = await startTestApp(db.url, {
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
      await limited.http.post('/mfa/sms/enroll/verify').set(auth).send({ code: codeIn(fakes.twilio.bodiesTo(phone).at(-1)) }).expect(200);
      await limited.http.post('/mfa/sms/challenge').set(auth).send({ channel: 'voice' }).expect(202);
      const third = await limited.http.post('/mfa/sms/challenge').set(auth).send({ channel: 'whatsapp' }).expect(429);
      assert.equal(third.body.code, 'RATE_LIMITED');
      assert.equal(third.body.limit, 'user_hourly');
    } finally {
      await limited.close();
    }
  });

  it('budgets and circuits are per provider and channel: Twilio voice failing opens its voice circuit only', async () => {
    const separate = await startTestApp(db.url, {
      ...fakes.config,
      channels: ['sms', 'voice'],
      circuitFailureThreshold: 2,
      // One call a minute on Twilio's voice route; its SMS budget is its own.
      providers: { ...fakes.config.providers, TWILIO_VOICE: { maxPerMinute: 1, maxPerHour: 100_000, maxPerDay: 100_000 } },
      mockSmsEnabled: true,
    });
    try {
      // A minute of its own: budgets are per minute, shared by every app on this database.
      separate.clock.advanceMinutes(5);
      const auth = (u: string) => ({ Authorization: `Bearer ${separate.token(u)}` });
      // Budget: the first call goes to Twilio, the second to the next voice route (the mock), SMS still to Twilio.
      await separate.http.post('/mfa/sms/enroll').set(auth(nextUser())).send({ phoneNumber: '+14152010206', channel: 'voice' }).expect(202);
      await separate.http.post('/mfa/sms/enroll').set(auth(nextUser())).send({ phoneNumber: '+14152010207', channel: 'voice' }).expect(202);
      await separate.http.post('/mfa/sms/enroll').set(auth(nextUser())).send({ phoneNumber: '+14152010208' }).expect(202);
      assert.equal(fakes.twilio.requestsTo('Calls').length, 1, JSON.stringify(fakes.twilio.requests.map((r) => r.path)));
      assert.equal(fakes.twilio.requestsTo('Messages').length, 1);
      assert.equal(separate.outbox.messagesTo('+14152010207')[0]?.channel, 'voice');
    } finally {
      await separate.close();
    }
    const circuits = await startTestApp(db.url, { ...fakes.config, channels: ['sms', 'voice'], circuitFailureThreshold: 2, mockSmsEnabled: true });
    try {
      const auth = (u: string) => ({ Authorization: `Bearer ${circuits.token(u)}` });
      fakes.twilio.mode = { kind: 'error', status: 500, code: '20500', onlyPath: '/Calls.json' };
      for (const n of [11, 12]) {
        await circuits.http.post('/mfa/sms/enroll').set(auth(nextUser())).send({ phoneNumber: `+141520102${n}`, channel: 'voice' }).expect(202);
      }
      const health = await circuits.http.get('/health').expect(200);
      const twilio = (health.body.info.sms.providers as { name: string; channels: Record<string, string> }[]).find((p) => p.name === 'TWILIO')!;
      assert.deepEqual(twilio.channels, { sms: 'closed', voice: 'open' });
      fakes.twilio.reset();
      await circuits.http.post('/mfa/sms/enroll').set(auth(nextUser())).send({ phoneNumber: '+14152010213' }).expect(202);
      assert.equal(fakes.twilio.requestsTo('Messages').length, 1, 'SMS still goes to Twilio');
    } finally {
      await circuits.close();
    }
  });

  it('a channel that is not enabled, or unknown, is CHANNEL_NOT_AVAILABLE before anything is sent', async () => {
    const smsOnly = await startTestApp(db.url, fakes.config);
    try {
      for (const channel of ['voice', 'whatsapp', 'pigeon', 'SMS ']) {
        const res = await smsOnly.http
          .post('/mfa/sms/enroll')
          .set({ Authorization: `Bearer ${smsOnly.token(nextUser())}` })
          .send({ phoneNumber: '+14152010214', channel })
          .expect(400);
        assert.equal(res.body.code, 'CHANNEL_NOT_AVAILABLE');
      }
      const wrongType = await smsOnly.http
        .post('/mfa/sms/enroll')
        .set({ Authorization: `Bearer ${smsOnly.token(nextUser())}` })
        .send({ phoneNumber: '+14152010214', channel: 7 })
        .expect(400);
      assert.equal(wrongType.body.code, 'VALIDATION_FAILED');
      assert.equal(fakes.twilio.requests.length + fakes.sns.requests.length, 0);
    } finally {
      await smsOnly.close();
    }
  });

  it('who may call: no token is 401; a session holding only the password cannot enrol a new number by voice; refusals cost nothing', async () => {
    await t.http.post('/mfa/sms/challenge').send({ channel: 'voice' }).expect(401);
    const owner = await verifiedOwner('+14152010230');
    const passwordOnly = { Authorization: `Bearer ${t.token(owner, [], 'password-only')}` };
    const before = await rowCounts();
    const swap = await t.http.post('/mfa/sms/enroll').set(passwordOnly).send({ phoneNumber: '+14152010231', channel: 'voice' }).expect(403);
    assert.equal(swap.body.code, 'STEP_UP_REQUIRED');
    const unknown = await t.http.post('/mfa/sms/challenge').set(passwordOnly).send({ channel: 'pigeon' }).expect(400);
    assert.equal(unknown.body.code, 'CHANNEL_NOT_AVAILABLE');
    assert.deepEqual(await rowCounts(), before, 'no challenge, attempt or factor row');
    assert.equal(fakes.twilio.requests.length, 0, 'no call, no message');
  });

  it('50 concurrent voice challenges from one user over two instances: one call, the others 429', async () => {
    const [a, b] = await Promise.all([0, 1].map(() => startTestApp(db.url, { ...channelConfig(fakes), cooldownMinutes: 1 })));
    try {
      const owner = await verifiedOwner('+14152010232');
      // Past the enrolment's cooldown (progressive: the day's second send waits two minutes).
      for (const app of [a, b]) app.clock.advanceMinutes(5);
      const results = await Promise.all(
        Array.from({ length: 50 }, (_, i) => (i % 2 ? b : a).http.post('/mfa/sms/challenge').set(bearer(owner)).send({ channel: 'voice' })),
      );
      const statuses = results.map((r) => r.status);
      assert.equal(statuses.filter((s) => s === 202).length, 1, statuses.join(','));
      assert.equal(statuses.filter((s) => s === 429).length, 49);
      assert.equal(fakes.twilio.requestsTo('Calls').length, 1);
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });

  it('SMS_CHANNELS naming a channel no enabled provider serves stops the start', async () => {
    await assert.rejects(
      startTestApp(db.url, { ...fakes.config, twilioEnabled: false, channels: ['sms', 'whatsapp'] }),
      /SMS_CHANNELS includes whatsapp, but no enabled provider serves it/,
    );
  });

  it('the mock outbox shows a call\'s script', async () => {
    const dev = await startTestApp(db.url, { channels: ['sms', 'voice'] });
    try {
      await dev.http
        .post('/mfa/sms/enroll')
        .set({ Authorization: `Bearer ${dev.token(nextUser())}` })
        .send({ phoneNumber: '+14152010215', channel: 'voice' })
        .expect(202);
      const [call] = dev.outbox.messagesTo('+14152010215');
      assert.equal(call.channel, 'voice');
      assert.match(call.body, /^Your Haven Health verification code is (\d, ){5}\d\. Once again, your code is (\d, ){5}\d\. Never share this code with anyone\.$/);
    } finally {
      await dev.close();
    }
  });

  it('the OpenAPI document shows channel on enrol, challenge and their responses', async () => {
    const docs = (await t.http.get('/docs-json').expect(200)).body as { components: { schemas: Record<string, { properties: Record<string, { enum?: string[] }> }> } };
    for (const schema of ['EnrollSmsDto', 'SmsChallengeDto', 'SmsChallengeResponse', 'SmsEnrollResponse']) {
      assert.deepEqual(docs.components.schemas[schema].properties.channel?.enum, ['sms', 'voice', 'whatsapp'], schema);
    }
  });
});

describe('channels: AWS End User Messaging through its SDK, and conversion feedback', () => {
  let db: TestDatabase;
  let fakes: ProviderFakes;
  let t: TestApp;
  let users = 0;
  const bearer = (userId: string) => ({ Authorization: `Bearer ${t.token(userId)}` });

  useAppWithFakes(
    (f) => ({
      ...f.config,
      ...f.eumConfig,
      twilioEnabled: false,
      awsSnsEnabled: false,
      channels: ['sms', 'voice'],
      maxPriceUsd: 0.05,
    }),
    (env) => ({ db, fakes, t } = env),
  );
  beforeEach(() => fakes.eum.reset());

  it('SendTextMessage carries the configuration set, the lifetime, the price ceiling, feedback and the challenge', async () => {
    const userId = `eum-${++users}`;
    const phone = '+14152010301';
    const res = await t.http.post('/mfa/sms/enroll').set(bearer(userId)).send({ phoneNumber: phone }).expect(202);
    const [text] = fakes.eum.operations('SendTextMessage');
    assert.equal(text.DestinationPhoneNumber, phone);
    assert.equal(text.ConfigurationSetName, 'mfa-events');
    assert.equal(text.OriginationIdentity, '+15005550007');
    assert.equal(text.MessageType, 'TRANSACTIONAL');
    assert.equal(text.TimeToLive, 600);
    assert.equal(text.MaxPrice, '0.05000');
    assert.equal(text.MessageFeedbackEnabled, true);
    assert.deepEqual(text.Context, { challengeId: res.body.challengeId });
    await t.http.post('/mfa/sms/enroll/verify').set(bearer(userId)).send({ code: codeIn(text.MessageBody as string) }).expect(200);
    await t.app.get(ConversionFeedback).settled();
    const [feedback] = fakes.eum.operations('PutMessageFeedback');
    assert.equal(feedback.MessageFeedbackStatus, 'RECEIVED');
    assert.equal(feedback.MessageId, (await messageIdOf(res.body.challengeId)));
  });

  it('SendVoiceMessage says the digits in SSML with a voice of the user\'s language', async () => {
    const userId = `eum-${++users}`;
    const res = await t.http
      .post('/mfa/sms/enroll')
      .set(bearer(userId))
      .set('Accept-Language', 'es')
      .send({ phoneNumber: '+14152010302', channel: 'voice' })
      .expect(202);
    assert.equal(res.body.channel, 'voice');
    const [voice] = fakes.eum.operations('SendVoiceMessage');
    assert.equal(voice.MessageBodyTextType, 'SSML');
    assert.equal(voice.VoiceId, 'LUCIA');
    assert.equal(voice.ConfigurationSetName, 'mfa-events');
    assert.match(voice.MessageBody as string, /^<speak>Su código de verificación de Haven Health es/);
    await t.http.post('/mfa/sms/enroll/verify').set(bearer(userId)).send({ code: ssmlCode(voice.MessageBody as string) }).expect(200);
  });

  it('a failed feedback call is counted and logged, and never fails the verify', async () => {
    const userId = `eum-${++users}`;
    const phone = '+14152010303';
    await t.http.post('/mfa/sms/enroll').set(bearer(userId)).send({ phoneNumber: phone }).expect(202);
    const body = fakes.eum.operations('SendTextMessage')[0].MessageBody as string;
    fakes.eum.mode = { kind: 'server-error' };
    await t.http.post('/mfa/sms/enroll/verify').set(bearer(userId)).send({ code: codeIn(body) }).expect(200);
    await t.app.get(ConversionFeedback).settled();
    assert.equal(fakes.eum.requests.filter((r) => EumFake.targetOf(r) === 'PutMessageFeedback').length, 1);
    const metrics = await t.http.get('/metrics').expect(200);
    assert.match(metrics.text, /sms_conversion_feedback_total\{provider="AWS_EUM",result="failed"\} 1/);
  });

  async function messageIdOf(challengeId: string): Promise<string> {
    return withClient(db.url, async (c) => {
      const { rows } = await c.query(`SELECT provider_message_id FROM sms_send_log WHERE challenge_id = $1`, [challengeId]);
      return rows[0].provider_message_id as string;
    });
  }
});

describe('channels: Twilio conversion feedback', () => {
  let db: TestDatabase;
  let fakes: ProviderFakes;
  let t: TestApp;

  useAppWithFakes(
    (f) => f.config,
    (env) => ({ db, fakes, t } = env),
  );

  it('after a verified code, Twilio is told the message converted (Outcome=confirmed), off the request path', async () => {
    const auth = { Authorization: `Bearer ${t.token('feedback-user')}` };
    const phone = '+14152010401';
    await t.http.post('/mfa/sms/enroll').set(auth).send({ phoneNumber: phone }).expect(202);
    const [message] = fakes.twilio.requestsTo('Messages');
    assert.equal(fakes.twilio.requestsTo('Feedback').length, 0, 'nothing before the code is used');
    await t.http.post('/mfa/sms/enroll/verify').set(auth).send({ code: codeIn(message.form.get('Body')!) }).expect(200);
    await t.app.get(ConversionFeedback).settled();
    const [feedback] = fakes.twilio.requestsTo('Feedback');
    assert.equal(feedback.form.get('Outcome'), 'confirmed');
    const sid = await withClient(db.url, async (c) => (await c.query(`SELECT provider_message_id FROM sms_send_log`)).rows[0].provider_message_id);
    assert.ok(feedback.path.endsWith(`/Messages/${sid}/Feedback.json`));
  });

  it('a wrong code tells the provider nothing', async () => {
    const auth = { Authorization: `Bearer ${t.token('feedback-user-2')}` };
    fakes.twilio.reset();
    await t.http.post('/mfa/sms/enroll').set(auth).send({ phoneNumber: '+14152010402' }).expect(202);
    const code = codeIn(fakes.twilio.requestsTo('Messages')[0].form.get('Body')!);
    const wrong = code === '000000' ? '111111' : '000000';
    await t.http.post('/mfa/sms/enroll/verify').set(auth).send({ code: wrong }).expect(400);
    await t.app.get(ConversionFeedback).settled();
    assert.equal(fakes.twilio.requestsTo('Feedback').length, 0);
  });
});
