import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import type { MfaConfigOverrides } from '../src/sms-mfa.settings';
import { enrollVerified, lastCode, startTestApp, TestApp } from './support/app';
import { createTestDatabase, TestDatabase, withClient } from './support/database';
import { codeIn, ProviderFakes, startProviderFakes } from './support/providers';

/** Distinct, valid, pattern-free US numbers. */
const phone = (i: number) => `+1415202${String(1000 + i)}`;
const statuses = (results: { status: number }[]) =>
  results.reduce<Record<number, number>>((n, r) => ({ ...n, [r.status]: (n[r.status] ?? 0) + 1 }), {});

describe('abuse holes: strangers cannot spend budgets, trip circuits or hide from the fraud rules', () => {
  let db: TestDatabase;
  let fakes: ProviderFakes;

  before(async () => {
    db = await createTestDatabase();
    fakes = await startProviderFakes();
    await (await startTestApp(db.url, fakes.config)).close(); // migrates the database
  });
  after(async () => {
    await fakes?.stop();
    await db?.drop();
  });
  beforeEach(async () => {
    fakes.twilio.reset();
    fakes.sns.reset();
    await withClient(db.url, (c) =>
      c.query(`TRUNCATE sms_send_counters, sms_send_log, mfa_challenges, mfa_sms_factors, sms_provider_budgets, sms_fraud_events`),
    );
  });

  async function withApp<T>(config: MfaConfigOverrides, run: (t: TestApp) => Promise<T>): Promise<T> {
    const t = await startTestApp(db.url, { ...fakes.config, ...config });
    try {
      return await run(t);
    } finally {
      await t.close();
    }
  }
  const bearer = (t: TestApp, user: string) => ({ Authorization: `Bearer ${t.token(user)}` });
  const budgetUsed = (provider: string) =>
    withClient(db.url, async (c) => (await c.query(`SELECT minute_count FROM sms_provider_budgets WHERE provider = $1`, [provider])).rows[0]?.minute_count ?? 0);

  /** A user with a verified number, enrolled through Twilio. */
  async function owner(t: TestApp, user: string, number: string) {
    await t.http.post('/mfa/sms/enroll').set(bearer(t, user)).send({ phoneNumber: number }).expect(202);
    await t.http.post('/mfa/sms/enroll/verify').set(bearer(t, user)).send({ code: codeIn(fakes.twilio.bodiesTo(number).at(-1)) }).expect(200);
  }

  it('refused requests take no budget slot: 40 challenges, 5 sent, Twilio charged 5, the next user still on Twilio', async () => {
    const config = { providers: { ...fakes.config.providers, TWILIO: { maxPerMinute: 20, maxPerHour: 1000, maxPerDay: 10_000 } } };
    await withApp(config, async (t) => {
      await owner(t, 'burst', phone(1));
      t.clock.advanceMinutes(1); // a fresh minute of Twilio's budget
      fakes.twilio.reset();
      const results = [];
      for (let i = 0; i < 40; i++) results.push(await t.http.post('/mfa/sms/challenge').set(bearer(t, 'burst')).send({}));
      assert.deepEqual(statuses(results), { 202: 4, 429: 36 }, 'the hourly limit of 5 (one spent on enrolment)');
      assert.equal(fakes.twilio.requests.length, 4);
      assert.equal(await budgetUsed('TWILIO'), 4, 'one slot per message handed over, none per refusal');
      await owner(t, 'next-user', phone(2));
      assert.equal(fakes.sns.requests.length, 0, 'the next real user is still served by Twilio');
    });
  });

  it('strands at most one leased block per instance per minute', async () => {
    // 400 a minute leases blocks of 20; two instances each send 3 messages.
    const config = { providers: { ...fakes.config.providers, TWILIO: { maxPerMinute: 400, maxPerHour: 100_000, maxPerDay: 100_000 } } };
    const [a, b] = await Promise.all([startTestApp(db.url, { ...fakes.config, ...config }), startTestApp(db.url, { ...fakes.config, ...config })]);
    try {
      for (const [i, t] of [a, a, a, b, b, b].entries()) {
        await t.http.post('/mfa/sms/enroll').set(bearer(t, `lease-${i}`)).send({ phoneNumber: phone(10 + i) }).expect(202);
      }
      const handed = fakes.twilio.requests.length;
      const leased = await budgetUsed('TWILIO');
      assert.equal(handed, 6);
      assert.ok(leased - handed <= 2 * 20, `stranded ${leased - handed} slots: at most one block of 20 per instance`);
      assert.equal(leased, 40, 'each instance leased exactly one block');
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });

  it('50 region errors leave the circuit closed and readiness at 200; each send fails over', async () => {
    await withApp({ circuitFailureThreshold: 3 }, async (t) => {
      fakes.twilio.mode = { kind: 'error', status: 400, code: '21408', onlyTo: '+1415202' };
      for (let i = 0; i < 50; i++) {
        await t.http.post('/mfa/sms/enroll').set(bearer(t, `region-${i}`)).send({ phoneNumber: phone(100 + i) }).expect(202);
      }
      assert.equal(fakes.sns.requests.length, 50, 'the backup provider reached the region');
      const health = await t.http.get('/health').expect(200);
      const twilio = health.body.details.sms.providers.find((p: { name: string }) => p.name === 'TWILIO');
      assert.equal(twilio.circuit, 'closed');
      const rows = await withClient(db.url, async (c) => (await c.query(`SELECT DISTINCT error_kind, error_code FROM sms_send_log WHERE provider = 'TWILIO'`)).rows);
      assert.deepEqual(rows, [{ error_kind: 'rejected', error_code: '21408' }]);
    });
  });

  it('a destination no provider may reach is 403 COUNTRY_NOT_ALLOWED and counts on the limits; a provider down is refunded', async () => {
    await withApp({ hourlyLimit: 2 }, async (t) => {
      const enrol = (i: number) => t.http.post('/mfa/sms/enroll').set(bearer(t, 'far')).send({ phoneNumber: phone(200 + i) });
      const sendsCounted = async () =>
        withClient(db.url, async (c) => (await c.query(`SELECT cardinality(sends) AS n FROM sms_send_counters WHERE subject = 'user:far'`)).rows[0]?.n ?? 0);
      fakes.twilio.mode = { kind: 'error', status: 400, code: '21408' };
      fakes.sns.mode = { kind: 'error', status: 403, code: 'AuthorizationError' };
      assert.equal((await enrol(0).expect(503)).body.code, 'PROVIDERS_UNAVAILABLE');
      assert.equal(await sendsCounted(), 0, 'SNS failed for its account (our side): refunded');
      fakes.sns.mode = { kind: 'number-error', code: 'InvalidParameter' };
      assert.equal((await enrol(1).expect(400)).body.code, 'INVALID_PHONE', "SNS: the number's own error stops the failover");
      fakes.sns.mode = { kind: 'error', status: 400, code: 'NotFound' };
      assert.equal((await enrol(2).expect(403)).body.code, 'COUNTRY_NOT_ALLOWED', 'Twilio: region; SNS: request');
      assert.equal(await sendsCounted(), 2, 'refusals that belong to the number or destination count');
      assert.equal((await enrol(2).expect(429)).body.limit, 'user_hourly');
    });
  });

  it('each Twilio error family, through the SDK: number errors stop, region and request errors fail over without a circuit count, account errors count', async () => {
    const cases: [string, number, string, number, string][] = [
      // [family, HTTP status, Twilio code, expected status, what the SNS fake saw]
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
        assert.equal(res.status, expected, family);
        assert.equal(fakes.sns.requests.length, sns === 'failover' ? 1 : 0, family);
      }
      // Only the account and throttling errors (two in a row) counted: the circuit is open now.
      const health = await t.http.get('/health').expect(200);
      assert.equal(health.body.details.sms.providers.find((p: { name: string }) => p.name === 'TWILIO').circuit, 'open');
    });
  });

  it('a circuit does open on 5xx; readiness stays 200 and /health shows it open', async () => {
    await withApp({ circuitFailureThreshold: 3 }, async (t) => {
      fakes.twilio.mode = { kind: 'server-error' };
      for (let i = 0; i < 3; i++) {
        await t.http.post('/mfa/sms/enroll').set(bearer(t, `down-${i}`)).send({ phoneNumber: phone(300 + i) }).expect(202);
      }
      const health = await t.http.get('/health').expect(200);
      assert.equal(health.body.details.sms.providers.find((p: { name: string }) => p.name === 'TWILIO').circuit, 'open');
      const before = fakes.twilio.requests.length;
      await t.http.post('/mfa/sms/enroll').set(bearer(t, 'down-x')).send({ phoneNumber: phone(310) }).expect(202);
      assert.equal(fakes.twilio.requests.length, before, 'skipped while open');
    });
  });

  it('deleting an unverified factor hides nothing from the fraud rules', async () => {
    const outcome = async (deleteFactors: boolean) => {
      await withClient(db.url, (c) => c.query(`TRUNCATE sms_send_counters, sms_send_log, mfa_challenges, mfa_sms_factors, sms_fraud_events`));
      return withApp({ fraudMaxNumbersPerIp: 5, trustProxy: 'loopback' }, async (t) => {
        const sent: number[] = [];
        for (let i = 0; i < 12; i++) {
          const auth = bearer(t, `throwaway-${deleteFactors}-${i}`);
          const res = await t.http.post('/mfa/sms/enroll').set(auth).set('X-Forwarded-For', '198.51.100.77').send({ phoneNumber: phone(400 + i) });
          sent.push(res.status);
          if (deleteFactors && res.status === 202) await t.http.delete(`/mfa/factors/${res.body.factorId}`).set(auth).expect(204);
        }
        const events = await withClient(db.url, async (c) => (await c.query(`SELECT count(*)::int AS n FROM sms_fraud_events WHERE rule = 'numbers_per_ip'`)).rows[0].n);
        return { sent: statuses(sent.map((status) => ({ status }))), events };
      });
    };
    const kept = await outcome(false);
    const deleted = await outcome(true);
    assert.deepEqual(kept, { sent: { 202: 5, 403: 7 }, events: 7 });
    assert.deepEqual(deleted, kept, 'enrol-and-delete is counted like enrolling');
  });

  it('six addresses of one IPv6 /64 are one client for the IP limit and the HTTP throttle', async () => {
    await withApp({ ipHourlyLimit: 3, trustProxy: 'loopback' }, async (t) => {
      const results = [];
      for (let i = 1; i <= 6; i++) {
        results.push(
          await t.http.post('/mfa/sms/enroll').set(bearer(t, `v6-${i}`)).set('X-Forwarded-For', `2001:db8:abcd:12::${i}`).send({ phoneNumber: phone(500 + i) }),
        );
      }
      assert.deepEqual(statuses(results), { 202: 3, 429: 3 });
      assert.ok(results.filter((r) => r.status === 429).every((r) => r.body.limit === 'ip_hourly'));
      await t.http.post('/mfa/sms/enroll').set(bearer(t, 'v6-other')).set('X-Forwarded-For', '2001:db8:abcd:13::1').send({ phoneNumber: phone(510) }).expect(202);
      const row = await withClient(db.url, async (c) => (await c.query(`SELECT client_ip FROM mfa_challenges WHERE user_id = 'v6-1'`)).rows[0]);
      assert.equal(row.client_ip, '2001:db8:abcd:12::/64');
    });
    await withApp({ httpThrottlePerMinute: 3, trustProxy: 'loopback' }, async (t) => {
      const codes = [];
      for (let i = 1; i <= 6; i++) {
        codes.push((await t.http.get('/mfa/factors').set(bearer(t, 'reader')).set('X-Forwarded-For', `2001:db8:abcd:12::${i}`)).status);
      }
      assert.deepEqual(codes, [200, 200, 200, 429, 429, 429]);
    });
  });

  it('a hop count in TRUST_PROXY takes the address the nearest proxy saw, under either adapter', async () => {
    await withApp({ httpThrottlePerMinute: 2, trustProxy: 1 }, async (t) => {
      const get = (forwardedFor: string) => t.http.get('/mfa/factors').set(bearer(t, 'hops')).set('X-Forwarded-For', forwardedFor);
      const codes = [];
      // The client names any first hop it likes; the proxy appends the address it saw.
      for (const spoofed of ['203.0.113.9', '203.0.113.10', '203.0.113.11']) codes.push((await get(`${spoofed}, 198.51.100.7`)).status);
      codes.push((await get('203.0.113.9, 198.51.100.8')).status);
      assert.deepEqual(codes, [200, 200, 429, 200], 'one client per address the proxy saw, not per claimed address, not one for all');
    });
  });

  it("strangers' enrolments of a number never lock its owner out", async () => {
    await withApp({ cooldownMinutes: 0 }, async (t) => {
      await owner(t, 'owner', phone(600));
      const strangers = [];
      for (let i = 0; i < 4; i++) {
        strangers.push((await t.http.post('/mfa/sms/enroll').set(bearer(t, `stranger-${i}`)).send({ phoneNumber: phone(600) })).status);
      }
      // SMS_ENROLL_NUMBER_HOURLY_LIMIT is 3 enrolment sends an hour, the owner's own enrolment included.
      assert.deepEqual(strangers, [202, 202, 429, 429]);
      await t.http.post('/mfa/sms/challenge').set(bearer(t, 'owner')).send({}).expect(202);
    });
  });

  it('a refused enrolment leaves no factor row', async () => {
    await withApp({ cooldownMinutes: 5 }, async (t) => {
      await t.http.post('/mfa/sms/enroll').set(bearer(t, 'tidy')).send({ phoneNumber: phone(700) }).expect(202);
      const cooled = await t.http.post('/mfa/sms/enroll').set(bearer(t, 'tidy')).send({ phoneNumber: phone(701) }).expect(429);
      assert.equal(cooled.body.code, 'COOLDOWN');
      fakes.twilio.mode = { kind: 'server-error' };
      fakes.sns.mode = { kind: 'server-error' };
      t.clock.advanceMinutes(10);
      await t.http.post('/mfa/sms/enroll').set(bearer(t, 'tidy')).send({ phoneNumber: phone(702) }).expect(503);
      const numbers = await withClient(db.url, async (c) => (await c.query(`SELECT phone_e164 FROM mfa_sms_factors WHERE user_id = 'tidy'`)).rows);
      assert.deepEqual(numbers, [], 'neither the refused nor the undelivered enrolment left a factor (nor the superseded one)');
    });
  });
});

describe('abuse holes without provider fakes', () => {
  let db: TestDatabase;
  let t: TestApp;
  before(async () => {
    db = await createTestDatabase();
    t = await startTestApp(db.url, { cooldownMinutes: 0 });
  });
  after(async () => {
    await t?.close();
    await db?.drop();
  });

  it("the owner's own sends are limited by the owners' bucket only", async () => {
    await enrollVerified(t, 'own', phone(800));
    for (let i = 0; i < 4; i++) {
      await t.http.post('/mfa/sms/challenge').set({ Authorization: `Bearer ${t.token('own')}` }).send({}).expect(202);
    }
    const counters = await withClient(db.url, async (c) =>
      (await c.query(`SELECT subject, cardinality(sends) AS n FROM sms_send_counters WHERE subject LIKE '%${phone(800)}' ORDER BY subject`)).rows,
    );
    assert.deepEqual(counters, [
      { subject: `enroll:${phone(800)}`, n: 1 },
      { subject: `phone:${phone(800)}`, n: 4 },
    ]);
    assert.ok(lastCode(t, phone(800)));
  });
});
