import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import Redis from 'ioredis';
import type { MfaConfigOverrides } from '../src/sms-mfa.settings';
import { enrollVerified, lastCode, startTestApp, TestApp } from './support/app';
import { createTestDatabase, TestDatabase, withClient } from './support/database';
import { codeIn, startProviderFakes } from './support/providers';

/** Distinct, valid, pattern-free US numbers. */
const phone = (i: number) => `+1415201${String(7000 + i)}`;
const auth = (t: TestApp, userId: string) => ({ Authorization: `Bearer ${t.token(userId)}` });

function enrollFor(t: TestApp, userId: string, number: string) {
  return t.http.post('/mfa/sms/enroll').set(auth(t, userId)).send({ phoneNumber: number });
}

function statuses(results: { status: number }[]) {
  const counts: Record<number, number> = {};
  for (const r of results) counts[r.status] = (counts[r.status] ?? 0) + 1;
  return counts;
}

describe('send limits hold exactly under concurrency and across instances', () => {
  let db: TestDatabase;

  before(async () => {
    db = await createTestDatabase();
  });
  after(async () => {
    await db?.drop();
  });

  async function withApps(count: number, config: MfaConfigOverrides, run: (apps: TestApp[]) => Promise<void>) {
    const apps = await Promise.all(Array.from({ length: count }, () => startTestApp(db.url, config)));
    await withClient(db.url, (c) => c.query('TRUNCATE sms_send_counters, sms_send_log, mfa_challenges, mfa_sms_factors CASCADE'));
    try {
      await run(apps);
    } finally {
      await Promise.all(apps.map((a) => a.close()));
    }
  }

  it('user cooldown: of 50 parallel challenges for one user exactly one is sent', async () => {
    await withApps(1, { cooldownMinutes: 1 }, async ([t]) => {
      await enrollVerified(t, 'cool', phone(1));
      t.clock.advanceMinutes(5);
      const before = t.outbox.sent.length;
      const results = await Promise.all(Array.from({ length: 50 }, () => t.http.post('/mfa/sms/challenge').set(auth(t, 'cool')).send({})));
      assert.deepEqual(statuses(results), { 202: 1, 429: 49 });
      assert.equal(t.outbox.sent.length - before, 1, 'one provider send');
      const refused = results.find((r) => r.status === 429)!;
      assert.equal(refused.body.code, 'COOLDOWN');
      assert.ok(Number(refused.headers['retry-after']) >= 1);
    });
  });

  it('number enrolment limit, across two instances: 50 users enrolling one number in parallel get exactly SMS_ENROLL_NUMBER_HOURLY_LIMIT sends', async () => {
    await withApps(2, { cooldownMinutes: 0, enrollNumberHourlyLimit: 3 }, async (apps) => {
      const results = await Promise.all(Array.from({ length: 50 }, (_, i) => enrollFor(apps[i % 2], `pump-${i}`, phone(2))));
      assert.deepEqual(statuses(results), { 202: 3, 429: 47 });
      assert.equal(apps[0].outbox.messagesTo(phone(2)).length + apps[1].outbox.messagesTo(phone(2)).length, 3);
      const refused = results.find((r) => r.status === 429)!;
      assert.equal(refused.body.code, 'RATE_LIMITED');
      assert.equal(refused.body.limit, 'enroll_phone_hourly');
      assert.equal(refused.headers['retry-after'], String(refused.body.retryAfterSeconds));
    });
  });

  it('IP hourly limit, across two instances: 50 parallel enrolments from one address get exactly 20 sends', async () => {
    await withApps(2, { cooldownMinutes: 0, ipHourlyLimit: 20 }, async (apps) => {
      const results = await Promise.all(
        Array.from({ length: 50 }, (_, i) => enrollFor(apps[i % 2], `ip-user-${i}`, phone(100 + i))),
      );
      assert.deepEqual(statuses(results), { 202: 20, 429: 30 });
      assert.equal(apps[0].outbox.sent.length + apps[1].outbox.sent.length, 20, 'one provider send per 202');
      assert.ok(results.filter((r) => r.status === 429).every((r) => r.body.limit === 'ip_hourly'));
    });
  });

  it('user hourly and daily limits, across two instances, with Retry-After to the window edge', async () => {
    await withApps(2, { cooldownMinutes: 0, hourlyLimit: 3, dailyLimit: 5 }, async ([a, b]) => {
      await enrollVerified(a, 'busy', phone(3)); // 1 send
      const sendBoth = () =>
        Promise.all([
          a.http.post('/mfa/sms/challenge').set(auth(a, 'busy')).send({}),
          b.http.post('/mfa/sms/challenge').set(auth(b, 'busy')).send({}),
        ]);
      let accepted = 1;
      for (let i = 0; i < 4; i++) accepted += (await sendBoth()).filter((r) => r.status === 202).length;
      assert.equal(accepted, 3, 'the hourly limit, whichever instance is asked');
      const refused = await a.http.post('/mfa/sms/challenge').set(auth(a, 'busy')).send({}).expect(429);
      assert.equal(refused.body.limit, 'user_hourly');
      assert.ok(refused.body.retryAfterSeconds > 0 && refused.body.retryAfterSeconds <= 3600);

      for (const t of [a, b]) t.clock.advanceMinutes(61);
      await a.http.post('/mfa/sms/challenge').set(auth(a, 'busy')).send({}).expect(202);
      await b.http.post('/mfa/sms/challenge').set(auth(b, 'busy')).send({}).expect(202);
      const daily = await a.http.post('/mfa/sms/challenge').set(auth(a, 'busy')).send({}).expect(429);
      assert.equal(daily.body.limit, 'user_daily');
      for (const t of [a, b]) t.clock.advanceMinutes(24 * 60);
      await b.http.post('/mfa/sms/challenge').set(auth(b, 'busy')).send({}).expect(202);
    });
  });

  it('progressive cooldown: each further send in the day doubles the wait (1, 2, 4 … minutes)', async () => {
    await withApps(1, { cooldownMinutes: 1, cooldownMaxMinutes: 4 }, async ([t]) => {
      await enrollVerified(t, 'patient', phone(4)); // send 1 → next after 1 min
      const challenge = () => t.http.post('/mfa/sms/challenge').set(auth(t, 'patient')).send({});
      t.clock.advanceMinutes(1);
      const second = await challenge().expect(202); // send 2 → next after 2 min
      assert.equal(new Date(second.body.resendAvailableAt).getTime() - t.clock.now().getTime(), 2 * 60_000);
      t.clock.advanceMinutes(1);
      const early = await challenge().expect(429);
      assert.equal(early.body.code, 'COOLDOWN');
      assert.equal(early.body.limit, 'user_cooldown');
      assert.equal(early.body.retryAfterSeconds, 60);
      t.clock.advanceMinutes(1);
      await challenge().expect(202); // send 3 → next after 4 min
      t.clock.advanceMinutes(3);
      assert.equal((await challenge().expect(429)).body.retryAfterSeconds, 60);
      t.clock.advanceMinutes(1);
      const capped = await challenge().expect(202); // send 4 → 8 min, capped at 4
      assert.equal(new Date(capped.body.resendAvailableAt).getTime() - t.clock.now().getTime(), 4 * 60_000);
    });
  });

  it('does not count a send that no provider took', async () => {
    const fakes = await startProviderFakes();
    try {
      await withApps(1, { ...fakes.config, hourlyLimit: 1, cooldownMinutes: 0 }, async ([t]) => {
        fakes.twilio.reset({ kind: 'server-error' });
        fakes.sns.reset({ kind: 'server-error' });
        await enrollFor(t, 'unlucky', phone(5)).expect(503);
        await enrollFor(t, 'unlucky', phone(5)).expect(503);
        fakes.twilio.reset();
        fakes.sns.reset();
        const ok = await enrollFor(t, 'unlucky', phone(5)).expect(202);
        assert.ok(ok.body.challengeId);
        assert.equal(codeIn(fakes.twilio.bodiesTo(phone(5))[0]).length, 6);
        assert.equal((await enrollFor(t, 'unlucky', phone(5)).expect(429)).body.limit, 'user_hourly');
      });
    } finally {
      await fakes.stop();
    }
  });
});

describe('wrong codes are counted per user across challenges', () => {
  let db: TestDatabase;
  let t: TestApp;
  const verify = (code: string) => t.http.post('/mfa/sms/verify').set(auth(t, 'guesser')).send({ code });
  const challenge = () => t.http.post('/mfa/sms/challenge').set(auth(t, 'guesser')).send({}).expect(202);
  const wrongFor = (right: string) => (right === '000000' ? '111111' : '000000');

  before(async () => {
    db = await createTestDatabase();
    t = await startTestApp(db.url, {
      cooldownMinutes: 0,
      hourlyLimit: 1000,
      dailyLimit: 1000,
      verifyFailureThreshold: 3,
      verifyFailureHardLimit: 6,
    });
    await enrollVerified(t, 'guesser', phone(6));
  });
  after(async () => {
    await t?.close();
    await db?.drop();
  });

  it('a new code does not reset the count; past the threshold waits grow; the hard limit stops SMS verification', async () => {
    await challenge();
    await verify(wrongFor(lastCode(t, phone(6)))).expect(400);
    await verify(wrongFor(lastCode(t, phone(6)))).expect(400);
    await challenge(); // a fresh code, same run of failures
    const third = await verify(wrongFor(lastCode(t, phone(6)))).expect(400);
    assert.equal(third.body.code, 'CODE_INVALID');

    const waiting = await verify(lastCode(t, phone(6))).expect(429);
    assert.equal(waiting.body.code, 'RATE_LIMITED');
    assert.equal(waiting.body.limit, 'verify_failures');
    assert.equal(waiting.body.retryAfterSeconds, 30);
    t.clock.advance(30_000);
    await verify(wrongFor(lastCode(t, phone(6)))).expect(400); // 4th → 60 s
    assert.equal((await verify(lastCode(t, phone(6))).expect(429)).body.retryAfterSeconds, 60);
    t.clock.advance(60_000);
    await challenge();
    await verify(wrongFor(lastCode(t, phone(6)))).expect(400); // 5th → 120 s
    t.clock.advance(120_000);
    await verify(wrongFor(lastCode(t, phone(6)))).expect(400); // 6th: hard limit

    t.clock.advanceMinutes(24 * 60);
    await challenge();
    const stopped = await verify(lastCode(t, phone(6))).expect(429);
    assert.equal(stopped.body.limit, 'verify_failures');
    assert.equal(stopped.body.retryAfterSeconds, undefined, 'no wait ends it');

    await t.http.delete('/admin/sms/verify-lockouts/guesser').set(auth(t, 'guesser')).expect(403);
    await t.http
      .delete('/admin/sms/verify-lockouts/guesser')
      .set('Authorization', `Bearer ${t.token('support', ['admin'])}`)
      .expect(204);
    await verify(lastCode(t, phone(6))).expect(200);
  });

  it('a success resets the run', async () => {
    for (let round = 0; round < 3; round++) {
      await challenge();
      await verify(wrongFor(lastCode(t, phone(6)))).expect(400);
      await verify(wrongFor(lastCode(t, phone(6)))).expect(400);
      await verify(lastCode(t, phone(6))).expect(200); // 2 < threshold 3, then reset
    }
  });
});

describe('HTTP throttling per client IP', () => {
  let db: TestDatabase;

  before(async () => {
    db = await createTestDatabase();
  });
  after(async () => {
    await db?.drop();
  });

  it('refuses requests past HTTP_THROTTLE_PER_MINUTE with 429 RATE_LIMITED (memory store)', async () => {
    const t = await startTestApp(db.url, { httpThrottlePerMinute: 5 });
    try {
      const results = await Promise.all(Array.from({ length: 8 }, () => t.http.get('/mfa/factors').set(auth(t, 'x'))));
      assert.deepEqual(statuses(results), { 200: 5, 429: 3 });
      const refused = results.find((r) => r.status === 429)!;
      assert.equal(refused.body.limit, 'http');
      assert.ok(Number(refused.headers['retry-after']) >= 1);
    } finally {
      await t.close();
    }
  });

  it('shares the count across instances through Redis when REDIS_URL is set (TEST_REDIS_URL, else local Redis)', async (ctx) => {
    const redisUrl = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
    const probe = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
    const reachable = await probe.connect().then(() => true, () => false);
    if (!reachable) {
      probe.disconnect();
      return ctx.skip('no Redis reachable');
    }
    await probe.eval("for _, k in ipairs(redis.call('KEYS', 'mfa:throttle:*')) do redis.call('DEL', k) end", 0);
    probe.disconnect();
    const a = await startTestApp(db.url, { httpThrottlePerMinute: 6, redisUrl });
    const b = await startTestApp(db.url, { httpThrottlePerMinute: 6, redisUrl });
    try {
      const results = await Promise.all(
        Array.from({ length: 10 }, (_, i) => (i % 2 ? b : a).http.get('/mfa/factors').set(auth(a, 'y'))),
      );
      assert.deepEqual(statuses(results), { 200: 6, 429: 4 });
    } finally {
      await a.close();
      await b.close();
    }
  });
});
