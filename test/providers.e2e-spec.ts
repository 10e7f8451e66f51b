import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import twilio from 'twilio';
import { ProviderBudgets } from '../src/sms/provider-budgets';
import { SnsFake } from './fakes/sns-fake';
import { startTestApp, TestApp } from './support/app';
import { createTestDatabase, TestDatabase, withClient } from './support/database';
import { codeIn, ProviderFakes, PUBLIC_BASE_URL, startProviderFakes, TWILIO_TOKEN } from './support/providers';

describe('providers: Twilio and AWS SNS through their SDKs, with failover', () => {
  let db: TestDatabase;
  let fakes: ProviderFakes;
  let t: TestApp;
  let users = 0;
  const bearer = (userId: string) => ({ Authorization: `Bearer ${t.token(userId)}` });

  /** A fresh user with a verified number (enrolled through whichever provider answers). */
  async function verifiedUser(phone: string): Promise<string> {
    const userId = `user-${++users}`;
    fakes.twilio.reset();
    fakes.sns.reset();
    await t.http.post('/mfa/sms/enroll').set(bearer(userId)).send({ phoneNumber: phone }).expect(202);
    const body = fakes.twilio.bodiesTo(phone).at(-1) ?? fakes.sns.bodiesTo(phone).at(-1);
    await t.http.post('/mfa/sms/enroll/verify').set(bearer(userId)).send({ code: codeIn(body) }).expect(200);
    fakes.twilio.reset();
    fakes.sns.reset();
    return userId;
  }

  async function sendLog(challengeId: string) {
    return withClient(db.url, async (c) => {
      const { rows } = await c.query(`SELECT * FROM sms_send_log WHERE challenge_id = $1 ORDER BY attempt`, [challengeId]);
      return rows;
    });
  }

  before(async () => {
    db = await createTestDatabase();
    fakes = await startProviderFakes();
    t = await startTestApp(db.url, fakes.config);
  });
  after(async () => {
    await t?.close();
    await fakes?.stop();
    await db?.drop();
  });
  beforeEach(() => {
    fakes.twilio.reset();
    fakes.sns.reset();
  });

  it('sends through Twilio first, with its SDK, and logs price, segments and message id', async () => {
    const phone = '+14152010131';
    const userId = await verifiedUser(phone);
    const res = await t.http.post('/mfa/sms/challenge').set(bearer(userId)).send({}).expect(202);
    assert.equal(fakes.twilio.requests.length, 1);
    assert.equal(fakes.sns.requests.length, 0);
    const form = fakes.twilio.requests[0].form;
    assert.equal(form.get('To'), phone);
    assert.equal(form.get('From'), '+15005550006');
    assert.equal(form.get('StatusCallback'), `${PUBLIC_BASE_URL}/mfa/webhooks/twilio/status`);
    const [row] = await sendLog(res.body.challengeId);
    assert.equal(row.provider, 'TWILIO');
    assert.equal(row.status, 'queued');
    assert.match(row.provider_message_id, /^SM[0-9a-f]{32}$/);
    assert.equal(Number(row.price), 0.0079);
    assert.equal(row.currency, 'USD');
    assert.equal(row.segments, 1);
    await t.http.post('/mfa/sms/verify').set(bearer(userId)).send({ code: codeIn(form.get('Body')!) }).expect(200);
  });

  for (const [name, mode] of [
    ['a 5xx', { kind: 'server-error' }],
    ['throttling (429)', { kind: 'throttle' }],
  ] as const) {
    it(`fails over on ${name} from Twilio to SNS with the same code`, async () => {
      const phone = '+14152010132';
      const userId = await verifiedUser(phone);
      fakes.twilio.mode = mode;
      const res = await t.http.post('/mfa/sms/challenge').set(bearer(userId)).send({}).expect(202);
      assert.equal(fakes.twilio.requests.length, 1);
      assert.equal(fakes.sns.requests.length, 1);
      const sns = fakes.sns.requests[0];
      assert.equal(sns.form.get('PhoneNumber'), phone);
      assert.deepEqual(SnsFake.attributes(sns), { 'AWS.SNS.SMS.SMSType': 'Transactional', 'AWS.SNS.SMS.SenderID': 'HavenHealth' });
      assert.equal(sns.form.get('Message'), fakes.twilio.requests[0].form.get('Body'), 'the same message, the same code');
      const rows = await sendLog(res.body.challengeId);
      assert.deepEqual(
        rows.map((r) => [r.provider, r.status, r.error_kind, r.failover_to]),
        [
          ['TWILIO', 'failed', 'transient', 'AWS_SNS'],
          ['AWS_SNS', 'queued', null, null],
        ],
      );
      await t.http.post('/mfa/sms/verify').set(bearer(userId)).send({ code: codeIn(sns.form.get('Message')!) }).expect(200);
    });
  }

  it('fails over from a hanging Twilio to SNS within the timeout plus a margin', async () => {
    const phone = '+14152010133';
    const userId = await verifiedUser(phone);
    fakes.twilio.mode = { kind: 'hang' };
    const started = Date.now();
    await t.http.post('/mfa/sms/challenge').set(bearer(userId)).send({}).expect(202);
    const elapsed = Date.now() - started;
    assert.equal(fakes.sns.requests.length, 1);
    assert.ok(elapsed >= 400, `waited for the deadline (${elapsed} ms)`);
    assert.ok(elapsed < 400 + 1000, `then failed over promptly (${elapsed} ms)`);
  });

  it('has a "sending" row in the send log while the provider call is in flight', async () => {
    const phone = '+14152010146';
    const userId = await verifiedUser(phone);
    fakes.twilio.mode = { kind: 'hang' };
    const reachedTwilio = fakes.twilio.nextRequest();
    const inFlight = t.http.post('/mfa/sms/challenge').set(bearer(userId)).send({}).then((r) => r);
    await reachedTwilio; // the provider has the message and has not answered
    const rows = await withClient(db.url, async (c) =>
      (await c.query(`SELECT provider, status FROM sms_send_log WHERE user_id = $1 AND status = 'sending'`, [userId])).rows,
    );
    assert.deepEqual(rows, [{ provider: 'TWILIO', status: 'sending' }], 'written before the provider answered');
    assert.equal((await inFlight).status, 202);
  });

  for (const [code, expected, status] of [
    ['21211', 'INVALID_PHONE', 400],
    ['21614', 'INVALID_PHONE', 400],
    ['21610', 'PHONE_OPTED_OUT', 403],
  ] as const) {
    it(`stops at Twilio error ${code} (the number's fault): no SNS call, ${expected}`, async () => {
      const userId = await verifiedUser('+14152010134');
      fakes.twilio.mode = { kind: 'number-error', code };
      const res = await t.http.post('/mfa/sms/challenge').set(bearer(userId)).send({}).expect(status);
      assert.equal(res.body.code, expected);
      assert.equal(fakes.sns.requests.length, 0);
    });
  }

  it('maps an SNS InvalidParameter on the number to INVALID_PHONE', async () => {
    const userId = await verifiedUser('+14152010135');
    fakes.twilio.mode = { kind: 'server-error' };
    fakes.sns.mode = { kind: 'number-error', code: 'InvalidParameter' };
    const res = await t.http.post('/mfa/sms/challenge').set(bearer(userId)).send({}).expect(400);
    assert.equal(res.body.code, 'INVALID_PHONE');
  });

  it('answers 503 PROVIDERS_UNAVAILABLE with Retry-After when both are down, and the code cannot be used', async () => {
    const userId = await verifiedUser('+14152010136');
    fakes.twilio.mode = { kind: 'server-error' };
    fakes.sns.mode = { kind: 'server-error' };
    const res = await t.http.post('/mfa/sms/challenge').set(bearer(userId)).send({}).expect(503);
    assert.equal(res.body.code, 'PROVIDERS_UNAVAILABLE');
    assert.equal(res.headers['retry-after'], String(res.body.retryAfterSeconds));
    const code = codeIn(fakes.twilio.requests[0].form.get('Body')!);
    const verify = await t.http.post('/mfa/sms/verify').set(bearer(userId)).send({ code }).expect(400);
    assert.equal(verify.body.code, 'NO_ACTIVE_CHALLENGE');
  });

  describe('delivery status callbacks', () => {
    const url = `${PUBLIC_BASE_URL}/mfa/webhooks/twilio/status`;
    const sign = (params: Record<string, string>) => twilio.getExpectedTwilioSignature(TWILIO_TOKEN, url, params);
    const post = (params: Record<string, string>, signature?: string) => {
      const req = t.http.post('/mfa/webhooks/twilio/status').type('form');
      return (signature === undefined ? req : req.set('X-Twilio-Signature', signature)).send(params);
    };

    it('checks the signature: 403 when missing or wrong', async () => {
      const params = { MessageSid: 'SM' + '0'.repeat(32), MessageStatus: 'delivered' };
      assert.equal((await post(params)).status, 403);
      assert.equal((await post(params, 'bm90IGEgc2lnbmF0dXJl')).status, 403);
      const tampered = { ...params, MessageStatus: 'failed' };
      assert.equal((await post(tampered, sign(params))).status, 403);
    });

    it('moves a status forward only, idempotently, and ignores unknown messages', async () => {
      const userId = await verifiedUser('+14152010137');
      const res = await t.http.post('/mfa/sms/challenge').set(bearer(userId)).send({}).expect(202);
      const [row] = await sendLog(res.body.challengeId);
      const sid = row.provider_message_id;
      const report = (status: string, extra: Record<string, string> = {}) => {
        const params = { MessageSid: sid, MessageStatus: status, AccountSid: 'AC', ...extra };
        return post(params, sign(params)).expect(204);
      };
      await report('sent');
      assert.equal((await sendLog(res.body.challengeId))[0].status, 'sent');
      await report('delivered');
      await report('delivered');
      await report('sent'); // late, out of order
      await report('undelivered', { ErrorCode: '30003' }); // a final state is final
      const [final] = await sendLog(res.body.challengeId);
      assert.equal(final.status, 'delivered');
      assert.ok(final.delivered_at);
      assert.equal(final.error_code, null);

      const unknown = { MessageSid: 'SM' + 'f'.repeat(32), MessageStatus: 'delivered' };
      await post(unknown, sign(unknown)).expect(204);
    });

    it("takes a callback's price in place of what the send was counted at, once", async () => {
      const userId = await verifiedUser('+14152010139');
      const res = await t.http.post('/mfa/sms/challenge').set(bearer(userId)).send({}).expect(202);
      const [row] = await sendLog(res.body.challengeId);
      assert.equal(Number(row.estimated_usd), 0.0083, 'the price table estimated the send');
      const params = { MessageSid: row.provider_message_id, MessageStatus: 'delivered', Price: '-0.01200', PriceUnit: 'USD' };
      await post(params, sign(params)).expect(204);
      await post(params, sign(params)).expect(204);
      const [priced] = await sendLog(res.body.challengeId);
      assert.deepEqual([Number(priced.price), priced.currency], [0.012, 'USD']);
      const metrics = await t.http.get('/metrics').expect(200);
      assert.match(metrics.text, /sms_spend_usd_total\{country="US"\}/);
    });
  });

  describe('opt-out keywords', () => {
    const url = `${PUBLIC_BASE_URL}/mfa/webhooks/twilio/inbound`;
    const inbound = (from: string, body: string) => {
      const params = { From: from, Body: body, To: '+15005550006', MessageSid: 'SM' + '1'.repeat(32) };
      return t.http
        .post('/mfa/webhooks/twilio/inbound')
        .type('form')
        .set('X-Twilio-Signature', twilio.getExpectedTwilioSignature(TWILIO_TOKEN, url, params))
        .send(params);
    };

    it('refuses to send after STOP without calling a provider, and START restores', async () => {
      const phone = '+14152010138';
      const userId = await verifiedUser(phone);
      const stop = await inbound(phone, ' stop ').expect(200);
      assert.match(stop.headers['content-type'], /text\/xml/);
      assert.match(stop.text, /<Response><Message>.*START.*<\/Message><\/Response>/);

      const refused = await t.http.post('/mfa/sms/challenge').set(bearer(userId)).send({}).expect(403);
      assert.equal(refused.body.code, 'PHONE_OPTED_OUT');
      assert.equal(fakes.twilio.requests.length + fakes.sns.requests.length, 0);
      const enrolAgain = await t.http.post('/mfa/sms/enroll').set(bearer('other-user')).send({ phoneNumber: phone });
      assert.equal(enrolAgain.body.code, 'PHONE_OPTED_OUT');

      await inbound(phone, 'START').expect(200);
      const restored = await t.http.post('/mfa/sms/challenge').set(bearer(userId)).send({});
      assert.equal(restored.status, 202, JSON.stringify(restored.body));
      assert.equal(fakes.twilio.requests.length, 1);
    });

    it('answers HELP with a help text, and rejects unsigned inbound messages', async () => {
      const help = await inbound('+14152010139', 'HELP').expect(200);
      assert.match(help.text, /verification codes only/);
      await t.http.post('/mfa/webhooks/twilio/inbound').type('form').send({ From: '+14152010139', Body: 'STOP' }).expect(403);
    });
  });

  it('reports each provider in /health', async () => {
    const health = await t.http.get('/health').expect(200);
    const providers = health.body.info.sms.providers.map((p: { name: string; enabled: boolean; circuit: string }) => [
      p.name,
      p.enabled,
      p.circuit,
    ]);
    assert.deepEqual(providers, [
      ['TWILIO', true, 'closed'],
      ['AWS_SNS', true, 'closed'],
      ['AWS_EUM', false, 'closed'],
      ['MOCK', false, 'closed'],
    ]);
  });
});

describe('providers: circuit breaker and budgets', () => {
  let db: TestDatabase;
  let fakes: ProviderFakes;

  before(async () => {
    db = await createTestDatabase();
    fakes = await startProviderFakes();
  });
  after(async () => {
    await fakes?.stop();
    await db?.drop();
  });

  async function enrolled(t: TestApp, userId: string, phone: string): Promise<void> {
    const auth = { Authorization: `Bearer ${t.token(userId)}` };
    await t.http.post('/mfa/sms/enroll').set(auth).send({ phoneNumber: phone }).expect(202);
    const body = fakes.twilio.bodiesTo(phone).at(-1) ?? fakes.sns.bodiesTo(phone).at(-1);
    await t.http.post('/mfa/sms/enroll/verify').set(auth).send({ code: codeIn(body) }).expect(200);
  }

  it('opens the circuit after consecutive transient failures: later sends skip Twilio without waiting', async () => {
    const t = await startTestApp(db.url, { ...fakes.config, circuitFailureThreshold: 2, circuitHalfOpenMs: 60_000 });
    try {
      await enrolled(t, 'circuit-user', '+14152010140');
      const auth = { Authorization: `Bearer ${t.token('circuit-user')}` };
      fakes.twilio.reset({ kind: 'hang' });
      fakes.sns.reset();
      for (let i = 0; i < 2; i++) await t.http.post('/mfa/sms/challenge').set(auth).send({}).expect(202);
      assert.equal(fakes.twilio.requests.length, 2);
      const health = await t.http.get('/health').expect(200);
      assert.equal(health.body.info.sms.providers[0].circuit, 'open');

      const started = Date.now();
      await t.http.post('/mfa/sms/challenge').set(auth).send({}).expect(202);
      assert.ok(Date.now() - started < 300, 'no timeout paid once the circuit is open');
      assert.equal(fakes.twilio.requests.length, 2, 'Twilio not called');
      assert.equal(fakes.sns.requests.length, 3);
      const metrics = await t.http.get('/metrics').expect(200);
      assert.match(metrics.text, /sms_provider_up\{provider="TWILIO"\} 0/);
    } finally {
      await t.close();
    }
  });

  it('half-opens after the wait and closes again when the probe succeeds', async () => {
    const t = await startTestApp(db.url, { ...fakes.config, circuitFailureThreshold: 1, circuitHalfOpenMs: 200 });
    try {
      await enrolled(t, 'probe-user', '+14152010141');
      const auth = { Authorization: `Bearer ${t.token('probe-user')}` };
      fakes.twilio.reset({ kind: 'server-error' });
      await t.http.post('/mfa/sms/challenge').set(auth).send({}).expect(202);
      fakes.twilio.reset({ kind: 'ok' });
      await t.http.post('/mfa/sms/challenge').set(auth).send({}).expect(202);
      assert.equal(fakes.twilio.requests.length, 0, 'still open: skipped');
      t.clock.advance(250); // the breaker's half-open wait runs on the injected clock
      await t.http.post('/mfa/sms/challenge').set(auth).send({}).expect(202);
      assert.equal(fakes.twilio.requests.length, 1, 'the probe went to Twilio');
      const health = await t.http.get('/health').expect(200);
      assert.equal(health.body.info.sms.providers[0].circuit, 'closed');
    } finally {
      await t.close();
    }
  });

  it('never grants more than a budget across two instances leasing blocks concurrently', async () => {
    const limits = { priority: 1, maxPerMinute: 50, maxPerHour: 1000, maxPerDay: 1000 };
    const a = await startTestApp(db.url, fakes.config);
    const b = await startTestApp(db.url, fakes.config);
    try {
      const now = new Date();
      const takes = await Promise.all(
        Array.from({ length: 120 }, (_, i) => (i % 2 ? b : a).app.get(ProviderBudgets).tryTake('LEASE_TEST', limits, now)),
      );
      assert.equal(takes.filter(Boolean).length, 50);
      const [row] = await withClient(db.url, async (c) => (await c.query(`SELECT * FROM sms_provider_budgets WHERE provider = 'LEASE_TEST'`)).rows);
      assert.equal(row.minute_count, 50);
    } finally {
      await a.close();
      await b.close();
    }
  });

  it('moves to the next provider when a budget is spent, across instances sharing the database', async () => {
    const budget = { ...fakes.config, providers: { ...fakes.config.providers, TWILIO: { maxPerMinute: 3 } } };
    const a = await startTestApp(db.url, budget);
    const b = await startTestApp(db.url, budget);
    try {
      await withClient(db.url, (c) => c.query(`DELETE FROM sms_provider_budgets`));
      fakes.twilio.reset();
      fakes.sns.reset();
      const phones = ['+14152010142', '+14152010143', '+14152010144', '+14152010145'];
      await Promise.all(
        phones.map((phone, i) =>
          (i % 2 ? b : a).http
            .post('/mfa/sms/enroll')
            .set('Authorization', `Bearer ${(i % 2 ? b : a).token(`budget-${i}`)}`)
            .send({ phoneNumber: phone })
            .expect(202),
        ),
      );
      assert.equal(fakes.twilio.requests.length, 3, 'three within the per-minute budget');
      assert.equal(fakes.sns.requests.length, 1, 'the fourth went to SNS');
    } finally {
      await a.close();
      await b.close();
    }
  });
});
