import { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import request from 'supertest';

import { after, before } from 'node:test';
import { Clock } from '../../src/common/clock';
import { MFA_CONFIG, type MfaConfig, type MfaConfigOverrides, type SmsMfaModuleWiring } from '../../src';
import { MockSmsProvider } from '../../src/sms/providers/mock/mock-sms.provider';
import { CapturingLogger } from './capturing-logger';
import { FakeClock } from './clock';
import { createTestDatabase, TestDatabase } from './database';
import { issueTestToken, setUpTestHost, TestHostModule, testHttpAdapter } from './test-host';

export { TEST_JWT_SECRET } from './test-host';

/**
 * Test traffic is unlike real traffic: every request comes from the loopback
 * address, in bursts, to one number range, at one instant of a fake clock.
 * The per-IP limits, the traffic heuristics and the mock provider's budget are
 * raised here; the tests of those set them explicitly.
 */
const TEST_TRAFFIC: MfaConfigOverrides = {
  nodeEnv: 'test',
  mockSmsEnabled: true,
  // Admin tests act as operators; the aal2 requirement of admin routes has its own test.
  adminRequiresMfa: false,
  ipHourlyLimit: 100_000,
  httpThrottlePerMinute: 1_000_000,
  fraudMaxNumbersPerIp: 100_000,
  fraudVelocityMinSends: 100_000,
  fraudConversionMinSends: 100_000,
  providers: { MOCK: { maxPerMinute: 1_000_000, maxPerHour: 1_000_000, maxPerDay: 1_000_000 } },
};

export interface TestApp {
  app: INestApplication;
  http: ReturnType<typeof request>;
  clock: FakeClock;
  outbox: MockSmsProvider;
  logs: CapturingLogger;
  /** A bearer token; by default every token of a user names the same session (`session-of-<user>`). */
  token(userId: string, roles?: string[], sessionId?: string): string;
  close(): Promise<void>;
}

/** One log capture per test process: Nest's logger is process-wide, so every app of the process writes here. */
const processLogs = new CapturingLogger();

/** Test apps use the memory throttle store unless a test asks for Redis (a shared store would couple them). */
delete process.env.REDIS_URL;

/**
 * The test host (a host of the module and nothing else: its own logins and
 * one guarded route) on a given database, with a fake clock and captured
 * logs, under the HTTP adapter HTTP_ADAPTER names.
 */
export async function startTestApp(
  databaseUrl: string,
  config: MfaConfigOverrides = {},
  wiring: Pick<SmsMfaModuleWiring, 'friction'> = {},
): Promise<TestApp> {
  const clock = new FakeClock();
  const logs = processLogs;
  const moduleRef = await Test.createTestingModule({
    imports: [TestHostModule.register({ databaseUrl, databasePoolSize: 10, ...TEST_TRAFFIC, ...config }, wiring)],
  })
    .overrideProvider(Clock)
    .useValue(clock)
    .setLogger(logs)
    .compile();
  const loaded = moduleRef.get<MfaConfig>(MFA_CONFIG);
  const app = moduleRef.createNestApplication(testHttpAdapter(loaded), { bodyParser: false, logger: logs });
  setUpTestHost(app, loaded);
  await initApp(app);
  return {
    app,
    http: request(app.getHttpServer()),
    clock,
    outbox: app.get(MockSmsProvider),
    logs,
    token: (userId, roles = [], sessionId = `session-of-${userId}`) => issueTestToken(userId, roles, 12 * 3600, sessionId),
    close: () => app.close(),
  };
}

/** The code in the newest message to a number. */
export function lastCode(t: TestApp, e164: string): string {
  const body = t.outbox.lastMessageTo(e164)?.body;
  const code = body?.match(/\b(\d{4,10})\b/)?.[1];
  if (!code) throw new Error('no code in the outbox for that number');
  return code;
}

/** Enrols and verifies `phone` for `userId` through the API. */
export async function enrollVerified(t: TestApp, userId: string, phone: string): Promise<string> {
  const auth = { Authorization: `Bearer ${t.token(userId)}` };
  const enrolled = await t.http.post('/mfa/sms/enroll').set(auth).send({ phoneNumber: phone }).expect(202);
  await t.http.post('/mfa/sms/enroll/verify').set(auth).send({ code: lastCode(t, phone) }).expect(200);
  return enrolled.body.factorId;
}

/**
 * The usual fixture of a describe block: a fresh database and one app on it,
 * started before the tests and torn down after them.
 */
export function useTestApp(config: MfaConfigOverrides = {}, setUp?: (t: TestApp) => Promise<void>) {
  const fixture = {} as { t: TestApp; db: TestDatabase };
  before(async () => {
    fixture.db = await createTestDatabase();
    fixture.t = await startTestApp(fixture.db.url, config);
    await setUp?.(fixture.t);
  });
  after(async () => {
    await fixture.t?.close();
    await fixture.db?.drop();
  });
  return fixture;
}

/** Starts an app for supertest: Fastify also needs its plugins loaded (`ready()`). */
export async function initApp(app: INestApplication): Promise<void> {
  await app.init();
  if (app.getHttpAdapter().getType() === 'fastify') await (app.getHttpAdapter().getInstance() as { ready(): Promise<unknown> }).ready();
}
