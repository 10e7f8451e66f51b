import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Test } from '@nestjs/testing';
import type { INestApplication } from '@nestjs/common';
import * as jwt from 'jsonwebtoken';
import request from 'supertest';
import { MFA_CONFIG, MockSmsProvider, type MfaConfig, type MfaConfigOverrides } from '../../src';
import { CapturingLogger } from '../../test/support/capturing-logger';
import { createTestDatabase, type TestDatabase } from '../../test/support/database';
import { initApp } from '../../test/support/app';
import { configureApp, httpAdapterFor } from './configure-app';
import { DemoAppModule } from './demo-app.module';
import { DemoAuth } from './demo-auth';
import { loadDemoConfig, type DemoConfigOverrides } from './demo.config';

const SECRET = 'demo-secret-demo-secret-demo-secret-0123';

/** nestjs-pino keeps one process-wide root logger (the first app's): every app of this file writes here. */
const logs = new CapturingLogger();

/** The demo app exactly as main.ts builds it, on a test database, with its pino lines captured. */
async function startDemo(db: TestDatabase, demo: DemoConfigOverrides = {}, config: MfaConfigOverrides = {}) {
  const settings = loadDemoConfig({}, { authJwtSecret: SECRET, logLevel: 'info', httpAdapter: process.env.HTTP_ADAPTER === 'fastify' ? 'fastify' : 'express', ...demo });
  const moduleRef = await Test.createTestingModule({
    imports: [DemoAppModule.register(settings, { databaseUrl: db.url, nodeEnv: 'test', mockSmsEnabled: true, ...config }, logs)],
  })
    .setLogger(logs)
    .compile();
  const app: INestApplication = moduleRef.createNestApplication(httpAdapterFor(settings.httpAdapter, moduleRef.get<MfaConfig>(MFA_CONFIG)), { bodyParser: false, logger: logs });
  configureApp(app, settings);
  await initApp(app);
  return { app, http: request(app.getHttpServer()), logs, auth: app.get(DemoAuth), outbox: app.get(MockSmsProvider) };
}

describe('the demo app', () => {
  let db: TestDatabase;
  before(async () => {
    db = await createTestDatabase();
  });
  after(() => db?.drop());

  it('walks through: its records need a second factor, and the mock outbox carries the code', async () => {
    const demo = await startDemo(db);
    try {
      const auth = { Authorization: `Bearer ${demo.auth.issueToken('walker')}` };
      await demo.http.get('/demo/records').expect(401);
      assert.equal((await demo.http.get('/demo/records').set(auth).expect(403)).body.code, 'MFA_REQUIRED');
      await demo.http.post('/mfa/sms/enroll').set(auth).send({ phoneNumber: '+1 415 555 2671' }).expect(202);
      const code = demo.outbox.lastMessageTo('+14155552671')?.body.match(/\b(\d{6})\b/)?.[1];
      assert.ok(code, 'the mock outbox holds the code');
      await demo.http.post('/mfa/sms/enroll/verify').set(auth).send({ code }).expect(200);
      await demo.http.get('/demo/records').set(auth).expect(200);
      await demo.http.get('/docs-json').expect(200);
    } finally {
      await demo.app.close();
    }
  });

  it('demo tokens must expire, within the cap, and carry the configured issuer and audience', async () => {
    const demo = await startDemo(db, { authJwtIssuer: 'https://id.example.org', authJwtAudience: 'mfa', authJwtMaxLifetimeMinutes: 60 });
    try {
      const sign = (claims: object, options: jwt.SignOptions = {}) => jwt.sign({ sub: 'tok', sid: 's', ...claims }, SECRET, { algorithm: 'HS256', ...options });
      const get = (token: string) => demo.http.get('/mfa/factors').set({ Authorization: `Bearer ${token}` });
      const good = { issuer: 'https://id.example.org', audience: 'mfa' };
      await get(sign({}, { ...good, expiresIn: 600 })).expect(200);
      await get(sign({}, good)).expect(401); // no exp: never expires
      await get(sign({}, { ...good, expiresIn: 2 * 3600 })).expect(401); // beyond the cap
      await get(sign({}, { issuer: 'https://evil.example.org', audience: 'mfa', expiresIn: 600 })).expect(401);
      await get(sign({}, { issuer: 'https://id.example.org', audience: 'other', expiresIn: 600 })).expect(401);
      await get(demo.auth.issueToken('tok')).expect(200); // the demo issues tokens that pass its own checks
    } finally {
      await demo.app.close();
    }
  });

  it('in production: no /docs by default, and no start without AUTH_JWT_SECRET', async () => {
    assert.equal(loadDemoConfig({ NODE_ENV: 'production', AUTH_JWT_SECRET: SECRET }).docsEnabled, false, '/docs is off in production by default');
    assert.equal(loadDemoConfig({ NODE_ENV: 'production', AUTH_JWT_SECRET: SECRET, MFA_DOCS_ENABLED: 'true' }).docsEnabled, true);
    assert.throws(() => loadDemoConfig({ NODE_ENV: 'production' }), /AUTH_JWT_SECRET must be set when NODE_ENV=production/);
    const production = { nodeEnv: 'production' as const, mockSmsEnabled: false, codeSecret: 'c'.repeat(32), encryptionKey: 'e'.repeat(64) };
    const demo = await startDemo(db, { nodeEnv: 'production', logLevel: 'silent' }, production);
    try {
      await demo.http.get('/docs-json').expect(404);
    } finally {
      await demo.app.close();
    }
  });

  it('logs JSON lines with a request id, the bearer token redacted, no number or code, and no access line for probes', async () => {
    const demo = await startDemo(db);
    const from = logs.raw.length;
    try {
      const token = demo.auth.issueToken('privacy-user');
      const auth = { Authorization: `Bearer ${token}` };
      const mobile = '+447911204538';
      await demo.http.post('/mfa/sms/enroll').set(auth).send({ phoneNumber: mobile }).expect(202);
      const code = demo.outbox.lastMessageTo(mobile)?.body.match(/\b(\d{6})\b/)?.[1] ?? 'none';
      await demo.http.post('/mfa/sms/enroll/verify').set(auth).send({ code }).expect(200);
      await demo.http.get('/health/live?probe=1').expect(200);
      await demo.http.get('/metrics').expect(200);
      const raw = logs.raw.slice(from).filter((l) => !l.includes('MockSmsOutbox'));
      const entries = raw.map((l) => JSON.parse(l));
      const requests = entries.filter((e) => e.req && e.res);
      assert.deepEqual(requests.map((e) => e.req.url), ['/mfa/sms/enroll', '/mfa/sms/enroll/verify'], 'an access line per API request, none for probes and scrapes');
      assert.ok(requests.every((e) => /^[0-9a-f-]{36}$/.test(e.req.id) && e.req.headers.authorization === '[redacted]'));
      for (const line of raw) {
        assert.ok(!line.includes(token.slice(-20)), 'no bearer token');
        for (const secret of ['7911204538', code]) assert.ok(!line.includes(secret), 'no number or code');
      }
    } finally {
      await demo.app.close();
    }
  });
});
