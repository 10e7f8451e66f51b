import assert from 'node:assert/strict';
import { statSync } from 'node:fs';
import { Agent, createServer, request as httpRequest } from 'node:http';
import { connect } from 'node:net';
import { after, before, describe, it } from 'node:test';
import twilio from 'twilio';
import { MfaDb } from '../src/database/mfa-db';
import { startEmbeddedPostgres } from '../src/database/embedded-postgres';
import { AlertsService } from '../src/ops/alerts.service';
import { SendReaper } from '../src/ops/send-reaper.service';
import { ShutdownDrain } from '../src/ops/shutdown-drain.service';
import { opsRequestListener } from '../src/http/ops-listener';
import { enrollVerified, lastCode, startTestApp, TestApp } from './support/app';
import { createTestDatabase, TestDatabase, withClient } from './support/database';
import { codeIn, ProviderFakes, PUBLIC_BASE_URL, startProviderFakes, TWILIO_TOKEN } from './support/providers';
import { TcpProxy } from './support/tcp-proxy';

const phone = (i: number) => `+1415204${String(1000 + i)}`;
const bearer = (t: TestApp, user: string) => ({ Authorization: `Bearer ${t.token(user)}` });

/** Listens on a loopback port; returns it. */
async function listen(t: TestApp): Promise<number> {
  const server = t.app.getHttpServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as { port: number }).port;
}

/** One HTTP request on a given agent (keep-alive), with its status, headers and body. */
function call(port: number, agent: Agent, method: string, path: string, token: string, body?: unknown) {
  return new Promise<{ status: number; headers: Record<string, unknown>; body: any }>((resolve, reject) => {
    const payload = body === undefined ? '' : JSON.stringify(body);
    const req = httpRequest(
      { host: '127.0.0.1', port, path, method, agent, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text ? JSON.parse(text) : undefined });
        });
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

describe('production hardening', () => {
  let db: TestDatabase;
  let fakes: ProviderFakes;
  before(async () => {
    db = await createTestDatabase();
    fakes = await startProviderFakes();
    await (await startTestApp(db.url)).close(); // migrates
  });
  after(async () => {
    await fakes?.stop();
    await db?.drop();
  });

  it('database faults are 503 SERVICE_UNAVAILABLE with Retry-After, bounded in time, and /health keeps its details', async () => {
    const proxy = new TcpProxy(TcpProxy.targetOf(db.url));
    const url = await proxy.start(db.url);
    const t = await startTestApp(url, { databaseConnectTimeoutMs: 400, databaseStatementTimeoutMs: 1000, databasePoolSize: 4, cooldownMinutes: 0 });
    try {
      await enrollVerified(t, 'faulty', phone(1));
      proxy.cut();
      const refused = await t.http.post('/mfa/sms/challenge').set(bearer(t, 'faulty')).send({}).expect(503);
      assert.equal(refused.body.code, 'SERVICE_UNAVAILABLE');
      assert.equal(refused.headers['retry-after'], '5');
      const health = await t.http.get('/health').expect(503);
      assert.equal(health.body.details.database.status, 'down');
      proxy.hang(); // a database that hangs instead of refusing is not waited on without bound
      const started = Date.now();
      await t.http.post('/mfa/sms/challenge').set(bearer(t, 'faulty')).send({}).expect(503);
      assert.ok(Date.now() - started < 3000, `answered in ${Date.now() - started} ms`);
      proxy.restore();
      await t.http.post('/mfa/sms/challenge').set(bearer(t, 'faulty')).send({}).expect(202);
      assert.ok(!t.logs.lines.some((l) => /Unhandled/.test(l) && /ECONN|terminated|timeout/i.test(l)), 'no 500 for a fault');
    } finally {
      proxy.restore();
      await t.close();
      await proxy.stop();
    }
  });

  it('once a provider accepted, the send stands: the acceptance write is retried, else left to the reaper, which alerts', async () => {
    const t = await startTestApp(db.url);
    const pool = (t.app.get(MfaDb) as unknown as { pool: { query: (...a: unknown[]) => Promise<unknown> } }).pool;
    const query = pool.query.bind(pool);
    let failures = 0;
    pool.query = (...args: unknown[]) => {
      const text = typeof args[0] === 'string' ? args[0] : (args[0] as { text: string }).text;
      if (failures > 0 && text.includes('UPDATE sms_send_log AS l')) {
        failures -= 1;
        return Promise.reject(new Error('injected: the log write failed'));
      }
      return query(...args);
    };
    try {
      failures = 1; // once: the retry records it
      const once = await t.http.post('/mfa/sms/enroll').set(bearer(t, 'acc-1')).send({ phoneNumber: phone(2) }).expect(202);
      failures = 10; // for good: the client still gets its 202, the code works
      const lost = await t.http.post('/mfa/sms/enroll').set(bearer(t, 'acc-2')).send({ phoneNumber: phone(3) }).expect(202);
      failures = 0;
      await t.http.post('/mfa/sms/enroll/verify').set(bearer(t, 'acc-2')).send({ code: lastCode(t, phone(3)) }).expect(200);
      const status = (id: string) =>
        withClient(db.url, async (c) => (await c.query(`SELECT status FROM sms_send_log WHERE challenge_id = $1`, [id])).rows[0].status);
      assert.equal(await status(once.body.challengeId), 'delivered');
      assert.equal(await status(lost.body.challengeId), 'sending');
      assert.ok(t.logs.lines.some((l) => l.includes("acceptance could not be recorded") && l.includes('injected')), 'the first cause is logged');
      await withClient(db.url, (c) => c.query(`UPDATE sms_send_log SET created_at = now() - interval '10 minutes' WHERE challenge_id = $1`, [lost.body.challengeId]));
      assert.equal(await t.app.get(SendReaper).run(), 1);
      assert.equal(await status(lost.body.challengeId), 'unknown');
      const alerts = (await t.app.get(AlertsService).evaluate()) ?? [];
      assert.ok(alerts.some((a) => a.key === 'stuck_sends' && a.status === 'firing'));
    } finally {
      pool.query = query;
      await t.close();
    }
  });

  it('shutdown drains in-flight requests, refuses new ones with Connection: close, and ends with idle keep-alive clients', async () => {
    const t = await startTestApp(db.url, { ...fakes.config, providerTimeoutMs: 800, shutdownDrainMs: 5000 });
    const port = await listen(t);
    const agent = new Agent({ keepAlive: true, maxSockets: 4 });
    const idle = new Agent({ keepAlive: true });
    try {
      await call(port, idle, 'GET', '/health/live', ''); // a kept-alive connection that stays idle
      fakes.twilio.reset({ kind: 'hang' });
      fakes.sns.reset();
      const reachedTwilio = fakes.twilio.nextRequest();
      const inFlight = call(port, agent, 'POST', '/mfa/sms/enroll', t.token('drain-1'), { phoneNumber: phone(4) });
      await reachedTwilio;
      const closing = t.close();
      await t.app.get(ShutdownDrain).drainStarted;
      const refused = await call(port, agent, 'POST', '/mfa/sms/enroll', t.token('drain-2'), { phoneNumber: phone(5) });
      assert.equal(refused.status, 503);
      assert.equal(refused.body.code, 'SERVICE_UNAVAILABLE');
      assert.equal(refused.headers.connection, 'close');
      const ready = await call(port, new Agent(), 'GET', '/health/ready', '');
      assert.equal(ready.status, 503);
      assert.equal((await inFlight).status, 202, 'the in-flight send finished (failover after the deadline)');
      const started = Date.now();
      await closing;
      assert.ok(Date.now() - started < 2000, 'closing did not wait on the idle keep-alive connection');
    } finally {
      agent.destroy();
      idle.destroy();
    }
  });

  it('shutdown is bounded: what still runs after SHUTDOWN_DRAIN_MS is closed', async () => {
    const t = await startTestApp(db.url, { ...fakes.config, providerTimeoutMs: 5000, shutdownDrainMs: 300 });
    const port = await listen(t);
    fakes.twilio.reset({ kind: 'hang' });
    fakes.sns.reset({ kind: 'hang' });
    const reachedTwilio = fakes.twilio.nextRequest();
    const inFlight = call(port, new Agent(), 'POST', '/mfa/sms/enroll', t.token('slow'), { phoneNumber: phone(6) }).catch((e: Error) => e);
    await reachedTwilio;
    const started = Date.now();
    await t.close();
    assert.ok(Date.now() - started < 2000, `closed in ${Date.now() - started} ms`);
    assert.ok((await inFlight) instanceof Error, 'the unfinished request was cut');
    fakes.twilio.reset();
    fakes.sns.reset();
  });

  it('Redis down: fast answers, in-memory throttling with a warning and a metric, readiness degraded not down', async () => {
    const t = await startTestApp(db.url, { redisUrl: 'redis://127.0.0.1:1', httpThrottlePerMinute: 3 });
    try {
      const started = Date.now();
      const codes = [];
      for (let i = 0; i < 4; i++) codes.push((await t.http.get('/mfa/factors').set(bearer(t, 'no-redis'))).status);
      assert.deepEqual(codes, [200, 200, 200, 429], 'throttled in memory');
      assert.ok(Date.now() - started < 1500, `four requests in ${Date.now() - started} ms`);
      await t.http.get('/health/ready').expect(200);
      const health = await t.http.get('/health').expect(200);
      assert.equal(health.body.details.redis.state, 'degraded');
      const metrics = await t.http.get('/metrics').expect(200);
      assert.match(metrics.text, /mfa_throttle_fallback_total 1/);
      assert.match(metrics.text, /mfa_redis_up 0/);
      assert.ok(t.logs.lines.some((l) => l.includes('throttling in memory')));
    } finally {
      await t.close();
    }
  });

  it('half-open: one caller probes, the others go straight to the next provider', async () => {
    // A long deadline, so that "did not wait for the probe" stays clear of a loaded machine's slowness.
    const t = await startTestApp(db.url, { ...fakes.config, circuitFailureThreshold: 2, circuitHalfOpenMs: 200, providerTimeoutMs: 3000 });
    try {
      fakes.twilio.reset({ kind: 'server-error' });
      for (let i = 0; i < 2; i++) await t.http.post('/mfa/sms/enroll').set(bearer(t, `ho-${i}`)).send({ phoneNumber: phone(10 + i) }).expect(202);
      t.clock.advance(250); // the half-open time is due (the breaker runs on the injected clock)
      fakes.twilio.reset({ kind: 'hang' });
      fakes.sns.reset();
      const timed = async (i: number) => {
        const started = Date.now();
        await t.http.post('/mfa/sms/enroll').set(bearer(t, `ho-b-${i}`)).send({ phoneNumber: phone(20 + i) }).expect(202);
        return Date.now() - started;
      };
      const probeArrived = fakes.twilio.nextRequest();
      const probe = timed(0);
      await probeArrived;
      const others = await Promise.all(Array.from({ length: 8 }, (_, i) => timed(i + 1)));
      assert.equal(fakes.twilio.requests.length, 1, 'one probe');
      assert.ok(others.every((ms) => ms < 2000), `the others did not wait for the probe: ${others.join(', ')} ms`);
      assert.ok((await probe) >= 2900, 'the probe waited for its deadline');
    } finally {
      fakes.twilio.reset();
      await t.close();
    }
  });

  it('a Twilio signature is checked against PUBLIC_BASE_URL only: absolute-form targets and other-case paths are refused', async () => {
    const t = await startTestApp(db.url, fakes.config);
    const port = await listen(t);
    try {
      const params = { From: phone(30), Body: 'STOP', To: '+15005550006', MessageSid: 'SM' + '2'.repeat(32) };
      const form = new URLSearchParams(params).toString();
      const raw = (target: string, signedUrl: string) =>
        new Promise<string>((resolve, reject) => {
          const socket = connect(port, '127.0.0.1', () => {
            socket.write(
              `POST ${target} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\n` +
                `X-Twilio-Signature: ${twilio.getExpectedTwilioSignature(TWILIO_TOKEN, signedUrl, params)}\r\n` +
                `Content-Length: ${Buffer.byteLength(form)}\r\nConnection: close\r\n\r\n${form}`,
            );
          });
          let out = '';
          socket.on('data', (d) => (out += d.toString()));
          socket.on('end', () => resolve(out.split('\r\n')[0]));
          socket.on('error', reject);
        });
      const staging = 'https://staging.example.org/mfa/webhooks/twilio/inbound';
      assert.match(await raw(staging, staging), / 403 /, 'a STOP signed for staging does not replay here');
      assert.match(await raw('/MFA/webhooks/twilio/inbound', `${PUBLIC_BASE_URL}/MFA/webhooks/twilio/inbound`), / 403 /);
      assert.match(await raw('/mfa/webhooks/twilio/inbound', `${PUBLIC_BASE_URL}/mfa/webhooks/twilio/inbound`), / 200 /);
    } finally {
      await t.close();
    }
  });

  it('the embedded database listens on a Unix socket only its user can reach', async () => {
    const embedded = await startEmbeddedPostgres(undefined, 4);
    try {
      const dir = new URL(embedded.url).searchParams.get('host')!;
      assert.ok(dir.startsWith('/'), 'a socket directory, not a TCP port');
      assert.equal(statSync(dir).mode & 0o777, 0o700);
    } finally {
      await embedded.stop();
    }
  });

  it('in production: no public /metrics or detailed /health, except on OPS_PORT or with OPS_TOKEN', async () => {
    const opsToken = 'ops-token-ops-token-ops-token-0123456';
    const production = {
      nodeEnv: 'production' as const,
      mockSmsEnabled: false,
      codeSecret: 'c'.repeat(32),
      encryptionKey: 'e'.repeat(64),
      opsToken,
    };
    const t = await startTestApp(db.url, production);
    try {
      assert.equal((await t.http.get('/metrics').expect(404)).body.code, 'NOT_FOUND');
      await t.http.get('/health').expect(404);
      await t.http.get('/health/ready').expect(200, { status: 'ok' });
      await t.http.get('/metrics').set({ Authorization: `Bearer ${opsToken}` }).expect(200);
      await t.http.get('/health').set({ Authorization: `Bearer ${opsToken}` }).expect(200);
      await t.http.get('/metrics').set({ Authorization: `Bearer ${opsToken}x` }).expect(404);
    } finally {
      await t.close();
    }
    const port = 19_000 + Math.floor(Math.random() * 1000);
    const ops = await startTestApp(db.url, { ...production, opsToken: undefined, opsPort: port });
    try {
      // As main.ts does: the same app on a second, internal listener.
      const opsListener = createServer(opsRequestListener(ops.app));
      await new Promise<void>((resolve) => opsListener.listen(port, '127.0.0.1', resolve));
      ops.app.get(ShutdownDrain).attach(opsListener);
      const metrics = await fetch(`http://127.0.0.1:${port}/metrics`);
      assert.equal(metrics.status, 200, 'served on the ops listener');
      await ops.http.get('/metrics').expect(404);
    } finally {
      await ops.close();
    }
    assert.ok(codeIn('code 123456'));
  });
});
