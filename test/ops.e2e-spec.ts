import assert from 'node:assert/strict';
import { createServer, IncomingMessage, Server } from 'node:http';
import { Client } from 'pg';
import { after, before, beforeEach, describe, it } from 'node:test';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { AlertNotice, AlertsService, MFA_ALERT_EVENT } from '../src/ops/alerts.service';
import { CleanupService } from '../src/ops/cleanup.service';
import { enrollVerified, lastCode, startTestApp, TestApp, useTestApp } from './support/app';
import { createTestDatabase, EMBEDDED, ONE_SESSION_REASON, TestDatabase, withClient } from './support/database';
import { codeIn, startProviderFakes } from './support/providers';

const bearer = (t: TestApp, userId: string, roles: string[] = []) => ({ Authorization: `Bearer ${t.token(userId, roles)}` });

/** Parses the Prometheus text exposition into `name{labels}` → value. */
function samples(text: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const line of text.split('\n')) {
    const m = line.match(/^([a-z_]+(?:\{[^}]*\})?) (\S+)$/);
    if (m) out.set(m[1], Number(m[2]));
  }
  return out;
}

describe('metrics', () => {
  let db: TestDatabase;

  before(async () => {
    db = await createTestDatabase();
  });
  after(async () => {
    await db?.drop();
  });

  it('move by exactly the expected amounts, with bounded labels only', async () => {
    const fakes = await startProviderFakes();
    const t = await startTestApp(db.url, { ...fakes.config, hourlyLimit: 3 });
    try {
      const metric = async () => samples((await t.http.get('/metrics').expect(200)).text);
      const before = await metric();
      const delta = (after: Map<string, number>, key: string) => (after.get(key) ?? 0) - (before.get(key) ?? 0);

      const phone = '+14152019001';
      await t.http.post('/mfa/sms/enroll').set(bearer(t, 'metrics-user')).send({ phoneNumber: phone }).expect(202); // twilio ok
      await t.http.post('/mfa/sms/enroll/verify').set(bearer(t, 'metrics-user')).send({ code: codeIn(fakes.twilio.bodiesTo(phone)[0]) }).expect(200);
      fakes.twilio.reset({ kind: 'server-error' });
      await t.http.post('/mfa/sms/challenge').set(bearer(t, 'metrics-user')).send({}).expect(202); // twilio fails → sns
      const code = codeIn(fakes.sns.bodiesTo(phone).at(-1));
      await t.http.post('/mfa/sms/verify').set(bearer(t, 'metrics-user')).send({ code: code === '000000' ? '111111' : '000000' }).expect(400);
      await t.http.post('/mfa/sms/verify').set(bearer(t, 'metrics-user')).send({ code }).expect(200);
      await t.http.post('/mfa/sms/challenge').set(bearer(t, 'metrics-user')).send({}).expect(202);
      await t.http.post('/mfa/sms/challenge').set(bearer(t, 'metrics-user')).send({}).expect(429); // hourly limit 3
      await t.http.post('/mfa/sms/enroll').set(bearer(t, 'other'), ).send({ phoneNumber: '+14155550123' }).expect(403); // test range

      const after = await metric();
      assert.equal(delta(after, 'sms_send_total{provider="TWILIO",status="accepted"}'), 1);
      assert.equal(delta(after, 'sms_send_total{provider="TWILIO",status="failed"}'), 2);
      assert.equal(delta(after, 'sms_send_total{provider="AWS_SNS",status="accepted"}'), 2);
      assert.equal(delta(after, 'sms_failover_total{from="TWILIO",to="AWS_SNS"}'), 2);
      assert.equal(delta(after, 'sms_cost_total{provider="TWILIO",currency="USD"}').toFixed(4), '0.0079');
      assert.equal(delta(after, 'sms_verify_total{result="verified"}'), 2);
      assert.equal(delta(after, 'sms_verify_total{result="code_invalid"}'), 1);
      assert.equal(delta(after, 'sms_rate_limited_total{limit="user_hourly"}'), 1);
      assert.equal(delta(after, 'sms_fraud_triggers_total{rule="test_range"}'), 1);
      assert.equal(after.get('sms_provider_up{provider="TWILIO"}'), 1);
      assert.ok([...after.keys()].some((k) => k.startsWith('process_cpu')), 'default process metrics');

      for (const key of after.keys()) {
        if (!key.startsWith('sms_')) continue;
        const labels = key.slice(key.indexOf('{') + 1, -1);
        assert.doesNotMatch(labels, /\d{4,}|metrics-user|@/, `unbounded label in ${key}`);
        assert.match(labels, /^((provider|status|from|to|currency|rule|limit|result|le)="[A-Za-z0-9_.+]+",?|country="([A-Z]{2}|other)")*$/, key);
      }
    } finally {
      await t.close();
      await fakes.stop();
    }
  });
});

describe('alerts', () => {
  let db: TestDatabase;
  let t: TestApp;
  let receiver: Server;
  let webhookUrl: string;
  const received: AlertNotice[] = [];
  const emitted: AlertNotice[] = [];

  before(async () => {
    db = await createTestDatabase();
    receiver = createServer((req: IncomingMessage, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        received.push(JSON.parse(body));
        res.writeHead(204).end();
      });
    });
    await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
    webhookUrl = `http://127.0.0.1:${(receiver.address() as { port: number }).port}/alerts`;
    t = await startTestApp(db.url, { alertWebhookUrl: webhookUrl, alertIntervalSeconds: 0, alertFraudTriggersPerWindow: 5 });
    t.app.get(EventEmitter2).on(MFA_ALERT_EVENT, (n: AlertNotice) => emitted.push(n));
  });
  after(async () => {
    await t?.close();
    await new Promise((r) => receiver.close(r));
    await db?.drop();
  });
  beforeEach(() => {
    received.length = 0;
    emitted.length = 0;
  });

  async function seedAttempts(provider: string, ok: number, failed: number, at: Date, deliveredAfterSeconds?: number) {
    await withClient(db.url, (c) =>
      c.query(
        `INSERT INTO sms_send_log (provider, attempt, status, created_at, updated_at, delivered_at)
         SELECT $1, 1, CASE WHEN g <= $3 THEN 'failed' ELSE 'delivered' END, $4, $4,
                CASE WHEN g > $3 AND $5::int IS NOT NULL THEN $4::timestamptz + make_interval(secs => $5) END
           FROM generate_series(1, $2::int + $3::int) g`,
        [provider, ok, failed, at, deliveredAfterSeconds ?? null],
      ),
    );
  }

  it('fires once per episode on a provider failure rate, and resolves once', async () => {
    const alerts = t.app.get(AlertsService);
    await seedAttempts('TWILIO', 6, 6, t.clock.now());
    const fired = (await alerts.evaluate())!;
    assert.deepEqual(fired.map((n) => [n.key, n.status]), [['provider_failure_rate:TWILIO', 'firing']]);
    assert.equal(fired[0].value, 50);
    assert.equal((await alerts.evaluate())!.length, 0, 'no second notice while it keeps firing');

    t.clock.advanceMinutes(11); // the failures leave the window
    await seedAttempts('TWILIO', 20, 0, t.clock.now());
    const resolved = (await alerts.evaluate())!;
    assert.deepEqual(resolved.map((n) => [n.key, n.status]), [['provider_failure_rate:TWILIO', 'resolved']]);
    assert.deepEqual(received.map((n) => [n.rule, n.status]), [
      ['provider_failure_rate', 'firing'],
      ['provider_failure_rate', 'resolved'],
    ]);
    assert.equal(emitted.length, 2);
    assert.ok(t.logs.lines.some((l) => l.startsWith('error ALERT provider_failure_rate firing')));
  });

  it('fires on slow delivery and on a surge of fraud triggers', async () => {
    t.clock.advanceMinutes(30);
    await seedAttempts('AWS_SNS', 12, 0, t.clock.now(), 120);
    for (let i = 0; i < 5; i++) {
      await t.http.post('/mfa/sms/enroll').set(bearer(t, `fraudster-${i}`)).send({ phoneNumber: `+1415555012${i}` }).expect(403);
    }
    const fired = (await t.app.get(AlertsService).evaluate())!;
    assert.deepEqual(fired.map((n) => n.key).sort(), ['fraud_surge', 'slow_delivery:AWS_SNS']);
    assert.equal(received.length, 2);
  });

  it('lets one instance evaluate at a time', { skip: EMBEDDED && ONE_SESSION_REASON }, async () => {
    const other = await startTestApp(db.url, { alertIntervalSeconds: 0 });
    try {
      await withClient(db.url, async (c) => {
        await c.query('SELECT pg_advisory_lock(734114003)');
        assert.equal(await other.app.get(AlertsService).evaluate(), undefined);
        await c.query('SELECT pg_advisory_unlock(734114003)');
      });
      assert.ok(Array.isArray(await other.app.get(AlertsService).evaluate()));
    } finally {
      await other.close();
    }
  });
});

describe('cleanup', () => {
  let db: TestDatabase;

  before(async () => {
    db = await createTestDatabase();
  });
  after(async () => {
    await db?.drop();
  });

  it('prunes 100k old send-log rows in batches, keeps recent rows and opt-outs', async () => {
    const a = await startTestApp(db.url, { cleanupIntervalMinutes: 0, cleanupBatchSize: 5000 });
    const b = await startTestApp(db.url, { cleanupIntervalMinutes: 0, cleanupBatchSize: 5000 });
    try {
      const now = a.clock.now();
      await withClient(db.url, async (c) => {
        await c.query(
          `INSERT INTO sms_send_log (provider, attempt, status, created_at, updated_at)
           SELECT 'MOCK', 1, 'delivered', $1::timestamptz - interval '100 days', $1 FROM generate_series(1, 100000)`,
          [now],
        );
        await c.query(`INSERT INTO sms_send_log (provider, attempt, status, created_at) SELECT 'MOCK', 1, 'delivered', $1 FROM generate_series(1, 50)`, [now]);
        await c.query(`INSERT INTO sms_opt_outs VALUES ('+14152019999', $1::timestamptz - interval '3 years', 'STOP', 'TWILIO')`, [now]);
        await c.query(
          `INSERT INTO sms_fraud_events (rule, action, masked_phone, prefix, created_at)
           SELECT 'test_range', 'blocked', '+1 ••• ••• 0000', '+1415', $1::timestamptz - make_interval(days => g) FROM generate_series(1, 400) g`,
          [now],
        );
      });
      const [first, second] = await Promise.all([a.app.get(CleanupService).run(), b.app.get(CleanupService).run()]);
      const reports = [first, second].filter((r) => r !== undefined);
      if (!EMBEDDED) assert.equal(reports.length, 1, 'exactly one of two contending instances ran');
      // (On PGlite both run, splitting the work: the totals are what must hold.)
      const total = (key: 'sendLog' | 'fraudEvents' | 'batches') => reports.reduce((n, r) => n + r![key], 0);
      const report = { sendLog: total('sendLog'), fraudEvents: total('fraudEvents'), batches: total('batches') };
      assert.equal(report.sendLog, 100_000);
      assert.equal(report.fraudEvents, 400 - 180);
      assert.ok(report.batches >= 20, `deleted in batches (${report.batches})`);
      await withClient(db.url, async (c) => {
        assert.equal((await c.query('SELECT count(*)::int AS n FROM sms_send_log')).rows[0].n, 50);
        assert.equal((await c.query('SELECT count(*)::int AS n FROM sms_opt_outs')).rows[0].n, 1);
      });
      if (!EMBEDDED) assert.ok(a.logs.lines.some((l) => /cleanup removed 0 challenges, 100000 send-log rows, 220 fraud events/.test(l)));
    } finally {
      await a.close();
      await b.close();
    }
  });

  it('removes finished challenges after the grace period only', async () => {
    const t = await startTestApp(db.url, { cleanupIntervalMinutes: 0, challengeGraceHours: 24, cooldownMinutes: 0 });
    try {
      await enrollVerified(t, 'tidy', '+14152019002');
      await t.http.post('/mfa/sms/challenge').set(bearer(t, 'tidy')).send({}).expect(202);
      const cleanup = t.app.get(CleanupService);
      assert.equal((await cleanup.run())!.challenges, 0);
      t.clock.advanceMinutes(25 * 60);
      assert.equal((await cleanup.run())!.challenges, 2, 'the used enrolment code and the expired login code');
    } finally {
      await t.close();
    }
  });
});

describe('data rights (GDPR)', () => {
  const fixture = useTestApp({ cooldownMinutes: 0 });

  it('exports everything held about a user, then erases it keeping only anonymised records', async () => {
    const { t, db } = fixture;
    const phone = '+14152019003';
    await enrollVerified(t, 'subject', phone);
    await t.http.post('/mfa/totp/enroll').set(bearer(t, 'subject')).expect(201);
    await t.http.post('/mfa/sms/challenge').set(bearer(t, 'subject')).send({}).expect(202);
    await t.http.post('/mfa/sms/verify').set(bearer(t, 'subject')).send({ code: lastCode(t, phone) }).expect(200);
    await t.http.post('/mfa/sms/enroll').set(bearer(t, 'subject')).send({ phoneNumber: '+14155550177' }).expect(403);
    await t.http.post('/mfa/sms/enroll').set(bearer(t, 'bystander')).send({ phoneNumber: '+14152019004' }).expect(202);

    await t.http.get('/admin/users/subject/data').set(bearer(t, 'subject')).expect(403);
    const exported = (await t.http.get('/admin/users/subject/data').set(bearer(t, 'dpo', ['admin'])).expect(200)).body;
    assert.equal(exported.smsFactors[0].phoneNumber, phone);
    assert.equal(exported.totpFactors.length, 1);
    assert.equal(exported.challenges.length, 2);
    assert.equal(exported.sendLog.length, 2);
    assert.equal(exported.fraudEvents[0].rule, 'test_range');
    assert.deepEqual(exported.sessions.map((s: { methods: string[] }) => s.methods), [['sms']]);
    assert.ok(!JSON.stringify(exported).match(/secret|code_hash|codeHash/i), 'no credentials in an export');

    const report = (await t.http.delete('/admin/users/subject/data').set(bearer(t, 'dpo', ['admin'])).expect(200)).body;
    assert.deepEqual(report, {
      smsFactors: 1,
      totpFactors: 1,
      challenges: 2,
      sendLogAnonymised: 2,
      fraudEventsAnonymised: 1,
      sessions: 1,
      recoveryCodes: 0,
    });
    const after = (await t.http.get('/admin/users/subject/data').set(bearer(t, 'dpo', ['admin'])).expect(200)).body;
    for (const key of ['smsFactors', 'totpFactors', 'challenges', 'sendLog', 'fraudEvents', 'sessions']) assert.deepEqual(after[key], [], key);
    await withClient(db.url, async (c) => {
      const values = (rows: Record<string, unknown>[]) => rows.flatMap((r) => Object.values(r).map(String));
      const everything = [
        ...values((await c.query('SELECT * FROM sms_send_log')).rows),
        ...values((await c.query('SELECT * FROM sms_fraud_events')).rows),
        ...values((await c.query('SELECT subject FROM sms_send_counters')).rows),
      ];
      // (Per-IP counters are about an address shared with other users; cleanup drops them after 24 h.)
      for (const trace of ['subject', 'user:subject', '+14152019003', 'phone:+14152019003', '+1 ••• ••• 0177']) {
        assert.ok(!everything.some((v) => v === trace || v.endsWith(`:${trace}`) || v.includes(trace)), `left: ${trace}`);
      }
      assert.equal((await c.query(`SELECT count(*)::int AS n FROM sms_send_log WHERE user_id IS NULL`)).rows[0].n, 2, 'cost records kept');
      assert.equal((await c.query(`SELECT count(*)::int AS n FROM mfa_sms_factors WHERE user_id = 'bystander'`)).rows[0].n, 1);
    });
  });
});

describe('data rights (GDPR), racing a send', () => {
  const fixture = useTestApp({ cooldownMinutes: 0 });

  it("an erase waits for the user's codes and factors to be still, and a send waiting behind it finds no number", { skip: EMBEDDED && ONE_SESSION_REASON }, async () => {
    const { t, db } = fixture;
    await enrollVerified(t, 'leaving', '+14152019006');
    const holder = new Client({ connectionString: db.url });
    await holder.connect();
    const advisoryWaits = async () =>
      (await holder.query(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE wait_event = 'advisory' AND datname = current_database()`)).rows[0].n;
    const until = async (n: number) => {
      for (let waited = 0; (await advisoryWaits()) < n; waited += 20) {
        assert.ok(waited < 5000, `never ${n} waiting on an advisory lock`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    };
    try {
      // An issue of the user's in flight holds their code lock: the erase waits for it, then a send queues behind the erase.
      await holder.query('BEGIN');
      await holder.query(`SELECT pg_advisory_xact_lock(hashtextextended('mfa-issue:leaving', 0))`);
      const erased = t.http.delete('/admin/users/leaving/data').set(bearer(t, 'dpo', ['admin'])).then((r) => r);
      await until(1);
      const sent = t.http.post('/mfa/sms/challenge').set(bearer(t, 'leaving')).send({}).then((r) => r);
      await until(2);
      await holder.query('COMMIT');
      assert.equal((await erased).status, 200);
      const send = await sent;
      assert.deepEqual([send.status, send.body.code], [403, 'PHONE_NOT_VERIFIED']);
      const left = await withClient(db.url, async (c) => (await c.query(`SELECT count(*)::int AS n FROM mfa_challenges WHERE user_id = 'leaving'`)).rows[0].n);
      assert.equal(left, 0, 'no code issued to an erased user');
      assert.equal(t.outbox.messagesTo('+14152019006').length, 1, 'only the enrolment code was ever sent');
    } finally {
      await holder.end();
    }
  });
});

describe('shutdown and health', () => {
  it('finishes an in-flight send before closing, and tells liveness from readiness', async () => {
    const db = await createTestDatabase();
    const fakes = await startProviderFakes();
    const t = await startTestApp(db.url, { ...fakes.config, providerTimeoutMs: 500 });
    try {
      await t.http.get('/health/live').expect(200, { status: 'ok' });
      await t.http.get('/health/ready').expect(200);
      const phone = '+14152019005';
      const server = t.app.getHttpServer();
      await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
      const port = (server.address() as { port: number }).port;
      fakes.twilio.reset({ kind: 'hang' }); // the send waits for the deadline, then fails over
      const reachedTwilio = fakes.twilio.nextRequest();
      const inFlight = fetch(`http://127.0.0.1:${port}/mfa/sms/enroll`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...bearer(t, 'late') },
        body: JSON.stringify({ phoneNumber: phone }),
      });
      await reachedTwilio;
      const closing = t.close();
      const res = await inFlight;
      assert.equal(res.status, 202, 'the accepted request completed');
      await closing;
      assert.equal(fakes.sns.bodiesTo(phone).length, 1);
    } finally {
      await fakes.stop();
      await db.drop();
    }
  });
});
