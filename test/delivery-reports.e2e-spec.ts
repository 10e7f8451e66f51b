import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import twilio from 'twilio';
import { MfaEvent, MfaEventPayload } from '../src/common/mfa-events';
import { VoiceFallback } from '../src/sms/voice-fallback.service';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { SnsSigner } from './fakes/sns-signer';
import { startTestApp, TestApp } from './support/app';
import { createTestDatabase, TestDatabase, withClient } from './support/database';
import { codeIn, ProviderFakes, PUBLIC_BASE_URL, startProviderFakes, TWILIO_TOKEN } from './support/providers';

const EVENTS = '/mfa/webhooks/aws/events';
const STATUS = '/mfa/webhooks/twilio/status';

/** An AWS End User Messaging event record, as its configuration set publishes it to SNS. */
function eumEvent(messageId: string, eventType: string, extra: Record<string, unknown> = {}) {
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

describe('delivery reports: AWS End User Messaging events by signed SNS notifications', () => {
  let db: TestDatabase;
  let fakes: ProviderFakes;
  let sns: SnsSigner;
  let other: SnsSigner;
  let t: TestApp;
  let users = 0;
  const bearer = (userId: string) => ({ Authorization: `Bearer ${t.token(userId)}` });

  /** Signs as SNS would, at the app's (fake) time. */
  const notification = (event: object, version: '1' | '2' = '2', signer = sns) =>
    signer.notification(event, { version, Timestamp: t.clock.now().toISOString() });
  const post = (message: object) => t.http.post(EVENTS).set('Content-Type', 'text/plain; charset=UTF-8').send(JSON.stringify(message));

  async function row(messageId: string) {
    return withClient(db.url, async (c) => {
      const { rows } = await c.query(`SELECT * FROM sms_send_log WHERE provider_message_id = $1`, [messageId]);
      return rows[0];
    });
  }

  /** Enrols a number by SMS through AWS_EUM; returns the message id AWS gave. */
  async function sent(userId = `sns-user-${++users}`, phone = `+1415201${String(500 + users).padStart(4, '0')}`) {
    fakes.eum.reset();
    const res = await t.http.post('/mfa/sms/enroll').set(bearer(userId)).send({ phoneNumber: phone }).expect(202);
    const rows = await withClient(db.url, async (c) =>
      (await c.query(`SELECT provider_message_id FROM sms_send_log WHERE challenge_id = $1`, [res.body.challengeId])).rows,
    );
    return { userId, phone, challengeId: res.body.challengeId as string, messageId: rows[0].provider_message_id as string };
  }

  before(async () => {
    db = await createTestDatabase();
    fakes = await startProviderFakes();
    const validity = { notBefore: new Date('2025-01-01T00:00:00Z'), notAfter: new Date('2030-01-01T00:00:00Z') };
    sns = await SnsSigner.create(validity);
    other = await SnsSigner.create(validity);
    t = await startTestApp(db.url, {
      ...fakes.config,
      ...fakes.eumConfig,
      twilioEnabled: false,
      awsSnsEnabled: false,
      awsSnsCertUrlPattern: sns.certUrlPattern,
    });
  });
  after(async () => {
    await t?.close();
    await Promise.all([fakes?.stop(), sns?.stop(), other?.stop()]);
    await db?.drop();
  });
  beforeEach(() => fakes.eum.reset());

  for (const version of ['1', '2'] as const) {
    it(`a v${version} signature moves the send log forward and replaces the estimated price`, async () => {
      const { messageId } = await sent();
      await post(notification(eumEvent(messageId, 'TEXT_DELIVERED', { totalMessagePrice: 0.00645 }), version)).expect(204);
      const r = await row(messageId);
      assert.equal(r.status, 'delivered');
      assert.ok(r.delivered_at);
      assert.equal(Number(r.price), 0.00645);
      assert.equal(r.currency, 'USD');
    });
  }

  it('a signed event near SNS’s 256 KiB message limit is taken on its route; other routes keep the 16 KiB limit', async () => {
    const { messageId } = await sent();
    const large = notification(eumEvent(messageId, 'TEXT_DELIVERED', { context: { note: 'x'.repeat(240 * 1024) } }));
    assert.ok(JSON.stringify(large).length > 240 * 1024);
    await post(large).expect(204);
    assert.equal((await row(messageId)).status, 'delivered');
    const elsewhere = await t.http
      .post('/mfa/sms/enroll')
      .set(bearer('big-body'))
      .set('Content-Type', 'text/plain')
      .send('x'.repeat(64 * 1024));
    assert.equal(elsewhere.status, 413);
    const json = await t.http.post('/mfa/sms/enroll').set(bearer('big-body')).send({ phoneNumber: 'x'.repeat(64 * 1024) });
    assert.equal(json.status, 413);
  });

  it('forward only: a late TEXT_SUCCESSFUL after TEXT_DELIVERED changes nothing; unknown ids are acknowledged', async () => {
    const { messageId } = await sent();
    await post(notification(eumEvent(messageId, 'TEXT_DELIVERED'))).expect(204);
    await post(notification(eumEvent(messageId, 'TEXT_SUCCESSFUL'))).expect(204);
    assert.equal((await row(messageId)).status, 'delivered');
    await post(notification(eumEvent('00000000-0000-4000-8000-000000000000', 'TEXT_DELIVERED'))).expect(204);
  });

  it('a tampered body is 403 and changes nothing', async () => {
    const { messageId } = await sent();
    const signed = notification(eumEvent(messageId, 'TEXT_DELIVERED'));
    const tampered = { ...signed, Message: JSON.stringify(eumEvent(messageId, 'TEXT_BLOCKED')) };
    const res = await post(tampered).expect(403);
    assert.equal(res.body.code, 'FORBIDDEN');
    assert.equal((await row(messageId)).status, 'queued');
  });

  it('a certificate on a host the pattern does not allow is 403, and is never fetched', async () => {
    const { messageId } = await sent();
    const fetchesBefore = other.certFetches;
    await post(notification(eumEvent(messageId, 'TEXT_DELIVERED'), '2', other)).expect(403);
    await post({ ...notification(eumEvent(messageId, 'TEXT_DELIVERED')), SigningCertURL: 'https://sns.eu-west-1.amazonaws.com.evil.example/SimpleNotificationService-0123456789abcdef0123456789abcdef.pem' }).expect(403);
    assert.equal(other.certFetches, fetchesBefore);
    // Signed with another key, pointing at the trusted certificate.
    await post({ ...notification(eumEvent(messageId, 'TEXT_DELIVERED'), '2', other), SigningCertURL: sns.certUrl }).expect(403);
    assert.equal((await row(messageId)).status, 'queued');
  });

  it('missing signature fields are 403; a body that is not JSON is 400', async () => {
    const { messageId } = await sent();
    const { Signature: _, ...unsigned } = notification(eumEvent(messageId, 'TEXT_DELIVERED'));
    assert.equal((await post(unsigned).expect(403)).body.code, 'FORBIDDEN');
    const junk = await t.http.post(EVENTS).set('Content-Type', 'text/plain').send('not json at all').expect(400);
    assert.equal(junk.body.code, 'VALIDATION_FAILED');
    const empty = await t.http.post(EVENTS).set('Content-Type', 'application/json').send({}).expect(403);
    assert.equal(empty.body.code, 'FORBIDDEN');
  });

  it('a replayed notification is acknowledged and does nothing again; an old one is refused', async () => {
    const { messageId } = await sent();
    const blocked = notification(eumEvent(messageId, 'TEXT_BLOCKED', { totalMessagePrice: 0.00645 }));
    await post(blocked).expect(204);
    await post(blocked).expect(204);
    const r = await row(messageId);
    assert.equal(r.status, 'undelivered');
    assert.equal(r.error_code, 'TEXT_BLOCKED');
    const old = sns.notification(eumEvent(messageId, 'TEXT_DELIVERED'), { Timestamp: new Date(t.clock.now().getTime() - 2 * 3600_000).toISOString() });
    await post(old).expect(403);
  });

  it('subscriptions are confirmed at the SubscribeURL on the certificate\'s origin, and only there', async () => {
    const visited = sns.nextConfirmation();
    await post(sns.subscriptionConfirmation(sns.confirmUrl('token-1'), { Timestamp: t.clock.now().toISOString() })).expect(204);
    assert.equal(await visited, sns.confirmUrl('token-1'));
    const elsewhere = sns.subscriptionConfirmation(other.confirmUrl('token-2'), { Timestamp: t.clock.now().toISOString() });
    await post(elsewhere).expect(403);
    assert.deepEqual(other.confirmations, []);
  });

  it('AWS_SNS_TOPIC_ARNS refuses a validly signed message from another topic', async () => {
    const strict = await startTestApp(db.url, {
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
      assert.equal(sns.certFetches, fetches, 'refused before any certificate fetch');
    } finally {
      await strict.close();
    }
  });

  it('without AWS End User Messaging the route answers 404 and fetches nothing', async () => {
    const none = await startTestApp(db.url, { ...fakes.config, awsSnsCertUrlPattern: sns.certUrlPattern });
    try {
      const fetches = sns.certFetches;
      const message = sns.notification(eumEvent('x', 'TEXT_DELIVERED'), { Timestamp: none.clock.now().toISOString() });
      const res = await none.http.post(EVENTS).set('Content-Type', 'text/plain').send(JSON.stringify(message)).expect(404);
      assert.equal(res.body.code, 'NOT_FOUND');
      assert.equal(sns.certFetches, fetches);
    } finally {
      await none.close();
    }
  });
});

describe('voice fallback', () => {
  let db: TestDatabase;
  let fakes: ProviderFakes;
  let sns: SnsSigner;
  let t: TestApp;
  let second: TestApp;
  let users = 0;
  const fallbacks: MfaEventPayload[] = [];

  const config = () => ({
    ...fakes.config,
    ...fakes.eumConfig,
    awsSnsEnabled: false,
    channels: ['sms' as const],
    voiceFallback: true,
    awsSnsCertUrlPattern: sns.certUrlPattern,
    // Twilio first for SMS and voice, AWS End User Messaging next.
    providers: { ...fakes.config.providers, AWS_EUM: { priority: 5, maxPerMinute: 100_000, maxPerHour: 100_000, maxPerDay: 100_000 } },
  });

  function signedStatus(app: TestApp, params: Record<string, string>) {
    const signature = twilio.getExpectedTwilioSignature(TWILIO_TOKEN, `${PUBLIC_BASE_URL}${STATUS}`, params);
    return app.http.post(STATUS).type('form').set('X-Twilio-Signature', signature).send(params);
  }

  async function smsSent(app: TestApp) {
    const userId = `fallback-user-${++users}`;
    const phone = `+1415201${String(700 + users).padStart(4, '0')}`;
    fakes.twilio.reset();
    fakes.eum.reset();
    const auth = { Authorization: `Bearer ${app.token(userId)}` };
    const res = await app.http.post('/mfa/sms/enroll').set(auth).set('Accept-Language', 'fr').send({ phoneNumber: phone }).expect(202);
    assert.equal(res.body.channel, 'sms');
    const [message] = fakes.twilio.requestsTo('Messages');
    return { userId, auth, phone, challengeId: res.body.challengeId as string, message };
  }

  async function sidOf(challengeId: string): Promise<string> {
    return withClient(db.url, async (c) =>
      (await c.query(`SELECT provider_message_id FROM sms_send_log WHERE challenge_id = $1 AND channel = 'sms'`, [challengeId])).rows[0].provider_message_id,
    );
  }

  before(async () => {
    db = await createTestDatabase();
    fakes = await startProviderFakes();
    sns = await SnsSigner.create({ notBefore: new Date('2025-01-01T00:00:00Z'), notAfter: new Date('2030-01-01T00:00:00Z') });
    t = await startTestApp(db.url, config());
    second = await startTestApp(db.url, config());
    t.app.get(EventEmitter2).on(MfaEvent.SmsFallback, (p: MfaEventPayload) => fallbacks.push(p));
  });
  after(async () => {
    await t?.close();
    await second?.close();
    await Promise.all([fakes?.stop(), sns?.stop()]);
    await db?.drop();
  });

  it('an undelivered Twilio report, delivered twice on two instances, gives exactly one call with a fresh code; the old code dies', async () => {
    const { auth, challengeId, message } = await smsSent(t);
    const sid = await sidOf(challengeId);
    const oldCode = codeIn(message.form.get('Body')!);
    const report = { MessageSid: sid, MessageStatus: 'undelivered', ErrorCode: '30003', AccountSid: fakes.config.twilioAccountSid! };
    const [a, b, c] = await Promise.all([signedStatus(t, report), signedStatus(second, report), signedStatus(t, report)]);
    assert.deepEqual([a.status, b.status, c.status], [204, 204, 204]);
    await Promise.all([t.app.get(VoiceFallback).settled(), second.app.get(VoiceFallback).settled()]);
    const calls = fakes.twilio.requestsTo('Calls');
    assert.equal(calls.length, 1, 'exactly one call');
    const twiml = calls[0].form.get('Twiml')!;
    assert.match(twiml, /language="fr-FR"/, 'in the language of the SMS');
    const newCode = [...twiml.matchAll(/<Say[^>]*>([\d, ]+)\.<\/Say>/g)][0][1].replace(/\D/g, '');
    const rows = await withClient(db.url, async (q) =>
      (await q.query(`SELECT channel, reason, status FROM sms_send_log WHERE user_id = (SELECT user_id FROM mfa_challenges WHERE id = $1) ORDER BY id`, [challengeId])).rows,
    );
    assert.deepEqual(rows, [
      { channel: 'sms', reason: null, status: 'undelivered' },
      { channel: 'voice', reason: 'fallback:undelivered', status: 'queued' },
    ]);
    if (oldCode !== newCode) {
      const stale = await t.http.post('/mfa/sms/enroll/verify').set(auth).send({ code: oldCode }).expect(400);
      assert.equal(stale.body.code, 'CODE_INVALID');
    }
    await t.http.post('/mfa/sms/enroll/verify').set(auth).send({ code: newCode }).expect(200);
    const event = fallbacks.find((f) => f.previousChallengeId === challengeId);
    assert.equal(event?.channel, 'voice');
    assert.equal(event?.reason, 'fallback:undelivered');
  });

  it('50 concurrent copies of an undelivered report over two instances: exactly one call', async () => {
    const { challengeId } = await smsSent(t);
    const report = { MessageSid: await sidOf(challengeId), MessageStatus: 'undelivered', ErrorCode: '30006' };
    const results = await Promise.all(Array.from({ length: 50 }, (_, i) => signedStatus(i % 2 ? second : t, report)));
    assert.ok(results.every((r) => r.status === 204));
    await Promise.all([t.app.get(VoiceFallback).settled(), second.app.get(VoiceFallback).settled()]);
    assert.equal(fakes.twilio.requestsTo('Calls').length, 1);
  });

  it('the fallback counts on the limits: a user at the hourly limit gets no call', async () => {
    const limited = await startTestApp(db.url, { ...config(), hourlyLimit: 1 });
    try {
      const { challengeId } = await smsSent(limited);
      const sid = await sidOf(challengeId);
      await signedStatus(limited, { MessageSid: sid, MessageStatus: 'undelivered', ErrorCode: '30003' }).expect(204);
      await limited.app.get(VoiceFallback).settled();
      assert.equal(fakes.twilio.requestsTo('Calls').length, 0);
      const metrics = await limited.http.get('/metrics').expect(200);
      assert.match(metrics.text, /sms_voice_fallback_total\{result="refused"\} 1/);
    } finally {
      await limited.close();
    }
  });

  it('a fallback the limits refuse leaves the user their code (it is not killed before the screening)', async () => {
    const limited = await startTestApp(db.url, { ...config(), hourlyLimit: 1 });
    try {
      const { auth, challengeId, message } = await smsSent(limited);
      await signedStatus(limited, { MessageSid: await sidOf(challengeId), MessageStatus: 'undelivered', ErrorCode: '30003' }).expect(204);
      await limited.app.get(VoiceFallback).settled();
      assert.equal(fakes.twilio.requestsTo('Calls').length, 0, 'refused by the hourly limit');
      // The SMS arrived late after all: its code still works.
      await limited.http.post('/mfa/sms/enroll/verify').set(auth).send({ code: codeIn(message.form.get('Body')!) }).expect(200);
    } finally {
      await limited.close();
    }
  });

  it('no fallback for a delivered message, a used code, or a report on a call', async () => {
    const { auth, challengeId, message } = await smsSent(t);
    const sid = await sidOf(challengeId);
    await t.http.post('/mfa/sms/enroll/verify').set(auth).send({ code: codeIn(message.form.get('Body')!) }).expect(200);
    await signedStatus(t, { MessageSid: sid, MessageStatus: 'undelivered', ErrorCode: '30003' }).expect(204);
    await t.app.get(VoiceFallback).settled();
    assert.equal(fakes.twilio.requestsTo('Calls').length, 0, 'the code was already used');
  });

  it('a message blocked as spam or fraud never becomes a call (Twilio 30007, 30450, no error code)', async () => {
    const reports: Record<string, string>[] = [
      { MessageStatus: 'undelivered', ErrorCode: '30007' },
      { MessageStatus: 'failed', ErrorCode: '30450' },
      { MessageStatus: 'undelivered' },
    ];
    for (const report of reports) {
      const { challengeId } = await smsSent(t);
      await signedStatus(t, { MessageSid: await sidOf(challengeId), ...report }).expect(204);
      await t.app.get(VoiceFallback).settled();
      assert.equal(fakes.twilio.requestsTo('Calls').length, 0, JSON.stringify(report));
    }
  });

  it('Twilio 30008 (unknown error, which carrier filtering also reports) never becomes a call', async () => {
    const reports: Record<string, string>[] = [
      { MessageStatus: 'undelivered', ErrorCode: '30008' },
      { MessageStatus: 'failed', ErrorCode: '30008' },
    ];
    for (const report of reports) {
      const { challengeId } = await smsSent(t);
      await signedStatus(t, { MessageSid: await sidOf(challengeId), ...report }).expect(204);
      await t.app.get(VoiceFallback).settled();
      assert.equal(fakes.twilio.requestsTo('Calls').length, 0, JSON.stringify(report));
    }
  });

  it('when every SMS provider refuses the destination (none is down), no call is made', async () => {
    fakes.twilio.reset({ kind: 'error', status: 400, code: '21408', onlyPath: '/Messages.json' });
    fakes.eum.reset({ kind: 'error', status: 400, code: 'ValidationException:DESTINATION_COUNTRY_BLOCKED' });
    const res = await t.http
      .post('/mfa/sms/enroll')
      .set({ Authorization: `Bearer ${t.token(`fallback-user-${++users}`)}` })
      .send({ phoneNumber: '+14152010792' })
      .expect(403);
    assert.equal(res.body.code, 'COUNTRY_NOT_ALLOWED');
    assert.equal(fakes.twilio.requestsTo('Calls').length + fakes.eum.operations('SendVoiceMessage').length, 0);
    fakes.twilio.reset();
    fakes.eum.reset();
  });

  it('an AWS TEXT_CARRIER_UNREACHABLE event delivered twice gives exactly one voice message; TEXT_SPAM gives none', async () => {
    // SMS by AWS End User Messaging: Twilio's messages fail over to it.
    fakes.twilio.mode = { kind: 'error', status: 500, code: '20500', onlyPath: '/Messages.json' };
    const userId = `fallback-user-${++users}`;
    fakes.eum.reset();
    const res = await t.http.post('/mfa/sms/enroll').set({ Authorization: `Bearer ${t.token(userId)}` }).send({ phoneNumber: '+14152010790' }).expect(202);
    fakes.twilio.reset();
    const messageId = await withClient(db.url, async (c) =>
      (await c.query(`SELECT provider_message_id FROM sms_send_log WHERE challenge_id = $1 AND provider = 'AWS_EUM'`, [res.body.challengeId])).rows[0].provider_message_id,
    );
    const blocked = JSON.stringify(
      sns.notification(eumEvent(messageId, 'TEXT_CARRIER_UNREACHABLE'), { Timestamp: t.clock.now().toISOString() }),
    );
    await Promise.all([
      t.http.post(EVENTS).set('Content-Type', 'text/plain').send(blocked).expect(204),
      second.http.post(EVENTS).set('Content-Type', 'text/plain').send(blocked).expect(204),
    ]);
    await Promise.all([t.app.get(VoiceFallback).settled(), second.app.get(VoiceFallback).settled()]);
    const calls = fakes.twilio.requestsTo('Calls').length + fakes.eum.operations('SendVoiceMessage').length;
    assert.equal(calls, 1);

    // A message the carrier or AWS filtered as spam: no call.
    fakes.twilio.reset({ kind: 'error', status: 500, code: '20500', onlyPath: '/Messages.json' });
    const spam = await t.http.post('/mfa/sms/enroll').set({ Authorization: `Bearer ${t.token(`fallback-user-${++users}`)}` }).send({ phoneNumber: '+14152010793' }).expect(202);
    fakes.twilio.reset();
    const spamId = await withClient(db.url, async (c) =>
      (await c.query(`SELECT provider_message_id FROM sms_send_log WHERE challenge_id = $1 AND provider = 'AWS_EUM'`, [spam.body.challengeId])).rows[0].provider_message_id,
    );
    const spamEvent = JSON.stringify(sns.notification(eumEvent(spamId, 'TEXT_SPAM'), { Timestamp: t.clock.now().toISOString() }));
    await t.http.post(EVENTS).set('Content-Type', 'text/plain').send(spamEvent).expect(204);
    await t.app.get(VoiceFallback).settled();
    assert.equal(fakes.twilio.requestsTo('Calls').length, 0);
  });

  it('when no SMS provider takes the message, the same unseen code goes by voice at once: 202 with channel voice', async () => {
    fakes.twilio.reset({ kind: 'error', status: 500, code: '20500', onlyPath: '/Messages.json' });
    fakes.eum.reset({ kind: 'error', status: 400, code: 'ValidationException:DESTINATION_COUNTRY_BLOCKED' });
    const userId = `fallback-user-${++users}`;
    const auth = { Authorization: `Bearer ${t.token(userId)}` };
    const res = await t.http.post('/mfa/sms/enroll').set(auth).send({ phoneNumber: '+14152010791' }).expect(202);
    assert.equal(res.body.channel, 'voice');
    const [call] = fakes.twilio.requestsTo('Calls');
    const code = [...call.form.get('Twiml')!.matchAll(/<Say[^>]*>([\d, ]+)\.<\/Say>/g)][0][1].replace(/\D/g, '');
    const rows = await withClient(db.url, async (q) =>
      (await q.query(`SELECT provider, channel, reason, status FROM sms_send_log WHERE challenge_id = $1 ORDER BY id`, [res.body.challengeId])).rows,
    );
    assert.deepEqual(rows.at(-1), { provider: 'TWILIO', channel: 'voice', reason: 'fallback:no_provider', status: 'queued' });
    fakes.twilio.reset();
    fakes.eum.reset();
    const verified = await t.http.post('/mfa/sms/enroll/verify').set(auth).send({ code });
    assert.equal(verified.status, 200, JSON.stringify(verified.body));
  });
});
