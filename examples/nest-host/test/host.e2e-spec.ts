import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { promisify } from 'node:util';
import type { INestApplication } from '@nestjs/common';
import { MfaService } from '@haven-health/nest-sms-mfa';
import { createHostApp, type HttpPlatform } from '../src/bootstrap';
import { hostDataSource } from '../src/host-migrations';
import { acmeFake, freshDatabase, settingsFor, sql } from './support';

// The host's own environment: NODE_ENV the module reads (production checks for staging) but never
// refuses; the generic names mean something else to this host, and the module (readEnv: false) ignores them.
Object.assign(process.env, { NODE_ENV: 'staging', PORT: 'the-host-port', TRUST_PROXY: 'everyone', REDIS_URL: 'not a url' });

const run = promisify(execFile);
const ROOT = join(__dirname, '..', '..');

for (const platform of ['express', 'fastify'] as HttpPlatform[]) {
  describe(`a Nest host that installed the packed module (${platform}, NODE_ENV=staging)`, () => {
    let acme: Awaited<ReturnType<typeof acmeFake>>;
    let db: Awaited<ReturnType<typeof freshDatabase>>;
    let app: INestApplication;
    let base: string;

    const call = async (method: string, path: string, token?: string, body?: unknown) => {
      const res = await fetch(base + path, {
        method,
        headers: { ...(token && { authorization: `Bearer ${token}` }), ...(body !== undefined && { 'content-type': 'application/json' }) },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: res.status, body: (await res.json().catch(() => ({}))) as Record<string, unknown> };
    };
    const login = async (username: string) => {
      const res = await call('POST', '/login', undefined, { username, password: `${username}-password` });
      assert.equal(res.status, 200);
      return res.body.token as string;
    };
    /** Enrols a phone over REST with the code the gateway got: the session is then at aal2. */
    const enrolAndVerify = async (token: string, phone: string) => {
      const enrolled = await call('POST', '/mfa/sms/enroll', token, { phoneNumber: phone });
      assert.equal(enrolled.status, 202, JSON.stringify(enrolled.body));
      const verified = await call('POST', '/mfa/sms/enroll/verify', token, { code: acme.codeFor(phone) });
      assert.equal(verified.status, 200, JSON.stringify(verified.body));
      assert.equal(verified.body.aal, 'aal2');
    };

    before(async () => {
      acme = await acmeFake();
      Object.assign(process.env, { ACME_BASE_URL: acme.url, ACME_API_KEY: 'acme-key' });
      db = await freshDatabase();
      // The host's pipeline: its own migrations, then the module's with the package's command.
      const host = await hostDataSource(db.url).initialize();
      await host.runMigrations();
      await host.destroy();
      const { stdout } = await run(join(ROOT, 'node_modules', '.bin', 'nest-sms-mfa'), ['migrate', '--database-url', db.url]);
      assert.match(stdout, /^Applied: /);
      app = await createHostApp(platform, settingsFor(db.url));
      await app.listen(0, '127.0.0.1');
      base = (await app.getUrl()).replace('[::1]', '127.0.0.1');
    });
    after(async () => {
      await app?.close();
      await db?.drop();
      await acme?.close();
    });

    it("puts every route behind the host's guard, except the module's public probes", async () => {
      assert.equal((await call('GET', '/records')).status, 401);
      const mfa = await call('POST', '/mfa/sms/enroll', undefined, { phoneNumber: '+14155552671' });
      assert.deepEqual([mfa.status, mfa.body.code], [401, 'UNAUTHENTICATED'], "the module's own routes answer in its error shape");
      assert.equal((await call('GET', '/health/live')).status, 200, 'marked @MfaPublicRoute(): the host guard lets it through');
      assert.equal(acme.received.length, 0);
    });

    it('enrols and verifies through the host\'s own gateway; the guarded routes answer 403 MFA_REQUIRED, then 200', async () => {
      const token = await login('alice');
      for (const path of ['/records', '/records/summary']) {
        const refused = await call('GET', path, token);
        assert.deepEqual([refused.status, refused.body.code], [403, 'MFA_REQUIRED'], path);
      }
      await enrolAndVerify(token, '+14155552671');
      assert.deepEqual([acme.received[0].auth, acme.received[0].body.to], ['Bearer acme-key', '+14155552671']);
      const [row] = await sql(db.url, `SELECT provider, provider_message_id FROM sms_send_log ORDER BY created_at DESC LIMIT 1`);
      assert.deepEqual(row, { provider: 'ACME', provider_message_id: 'acme-1' });

      assert.deepEqual(await call('GET', '/records', token), { status: 200, body: { owner: 'alice', records: ['vaccinations', 'allergies'] } });
      // @UseGuards(SignedInGuard) written above @RequireMfa(): the natural order works.
      assert.deepEqual(await call('GET', '/records/summary', token), { status: 200, body: { owner: 'alice', count: 2 } });
      // Another login of the same user is a new session, at aal1.
      assert.equal((await call('GET', '/records', await login('alice'))).body.code, 'MFA_REQUIRED');
    });

    it('lets only its operator, at aal2, set a country rule, which the next send obeys', async () => {
      const admin = await login('ada');
      const early = await call('PUT', '/admin/sms/country-rules/NG', admin, { action: 'block', reason: 'pumping' });
      assert.deepEqual([early.status, early.body.code], [403, 'MFA_REQUIRED'], 'a password alone changes nothing');
      await enrolAndVerify(admin, '+14155552672');
      const set = await call('PUT', '/admin/sms/country-rules/NG', admin, { action: 'block', reason: 'pumping' });
      assert.equal(set.status, 200, JSON.stringify(set.body));
      assert.equal(set.body.action, 'block');

      const alice = await login('alice');
      const notAdmin = await call('PUT', '/admin/sms/country-rules/NG', alice, { action: 'allow' });
      assert.deepEqual([notAdmin.status, notAdmin.body.code], [403, 'FORBIDDEN']);
      const sends = acme.received.length;
      const blocked = await call('POST', '/mfa/sms/enroll', admin, { phoneNumber: '+2348031234567' });
      assert.deepEqual([blocked.status, blocked.body.code], [403, 'COUNTRY_NOT_ALLOWED']);
      assert.equal(acme.received.length, sends, 'nothing was sent');
    });

    it('lets strangers through to no route: forged tokens, unsigned webhooks and probes without the ops token cost nothing', async () => {
      const token = await login('alice');
      const forged = `${token.split('.')[0]}.${'A'.repeat(43)}`;
      assert.equal((await call('GET', '/records', forged)).status, 401, 'a token with another signature');
      assert.equal((await call('POST', '/mfa/sms/challenge', forged, {})).body.code, 'UNAUTHENTICATED');
      // Past the host's guard, the module's own checks still stand: a signature, the ops token.
      const webhook = await fetch(`${base}/mfa/webhooks/twilio/status`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: 'MessageSid=SM1&MessageStatus=delivered',
      });
      assert.equal(webhook.status, 403, 'unsigned: refused by the signature guard, not the host');
      assert.equal((await call('GET', '/metrics')).status, 404, 'production (staging): metrics only with the ops token');
      const [{ n }] = await sql<{ n: number }>(db.url, `SELECT count(*)::int AS n FROM sms_send_log WHERE status = 'delivered'`);
      assert.equal(n, 0, 'no delivery report was recorded');
    });

    it('answers 50 concurrent calls from a session at aal1 with 403 MFA_REQUIRED, sending nothing', async () => {
      const token = await login('alice');
      const sends = acme.received.length;
      const answers = await Promise.all(Array.from({ length: 50 }, () => call('GET', '/records', token)));
      assert.deepEqual(new Set(answers.map((a) => `${a.status} ${a.body.code}`)), new Set(['403 MFA_REQUIRED']));
      assert.equal(acme.received.length, sends);
    });

    it('answers bad input with a stable code, never a 500', async () => {
      const token = await login('alice');
      for (const body of [{ phoneNumber: 12 }, { phoneNumber: '+1 555' }, {}]) {
        const res = await call('POST', '/mfa/sms/enroll', token, body);
        assert.ok(res.status >= 400 && res.status < 500 && typeof res.body.code === 'string', JSON.stringify(res));
      }
    });

    it("classifies the gateway's failures: the number's error stops, an outage is 503 with nothing else to try", async () => {
      const mfa = app.get(MfaService);
      try {
        acme.answer({ status: 400, body: { error: { code: 'invalid_number' } } });
        await assert.rejects(mfa.enrollSms({ id: `acme-${platform}-2` }, '+14155552673'), { code: 'INVALID_PHONE' });
        acme.answer({ status: 503, body: {} });
        await assert.rejects(mfa.enrollSms({ id: `acme-${platform}-3` }, '+14155552674'), { code: 'PROVIDERS_UNAVAILABLE' });
      } finally {
        acme.answer(undefined);
      }
    });
  });
}
