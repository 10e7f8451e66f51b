import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import request from 'supertest';
import { BackupCodeLogin, HostAppModule, MfaAuditTrail } from '../examples/host-app.module';
import { Clock, MfaService, MockSmsProvider } from '../src';
import { FakeClock } from './support/clock';
import { CapturingLogger } from './support/capturing-logger';
import { createTestDatabase, TestDatabase } from './support/database';

describe('a host app embedding SmsMfaModule.forRootAsync (the example of docs/embedding.md)', () => {
  let db: TestDatabase;
  let app: INestApplication;
  const clock = new FakeClock();

  before(async () => {
    db = await createTestDatabase();
    process.env.MFA_DATABASE_URL = db.url;
    const moduleRef = await Test.createTestingModule({ imports: [HostAppModule] })
      .overrideProvider(Clock)
      .useValue(clock)
      .setLogger(new CapturingLogger())
      .compile();
    app = moduleRef.createNestApplication({ logger: new CapturingLogger() });
    // The host's session middleware, as simple as it gets: the test names the user and the session.
    app.use((req: { headers: Record<string, string>; session?: object }, _res: unknown, next: () => void) => {
      req.session = { userId: req.headers['x-user'], id: req.headers['x-session'] };
      next();
    });
    await app.init();
  });
  after(async () => {
    await app?.close();
    delete process.env.MFA_DATABASE_URL;
    await db?.drop();
  });

  it('enrols, sends a backup code and verifies it through MfaService, publishing events', async () => {
    const mfa = app.get(MfaService);
    const outbox = app.get(MockSmsProvider);
    const codeTo = (phone: string) => outbox.lastMessageTo(phone)!.body.match(/\b(\d{6})\b/)![1];
    const phone = '+14152018001';

    await mfa.enrollSms({ id: 'host-user' }, phone);
    await mfa.verifySmsEnrollment({ id: 'host-user' }, codeTo(phone));
    clock.advanceMinutes(2);

    const login = app.get(BackupCodeLogin);
    const sent = await login.sendBackupCode('host-user', '198.51.100.4');
    assert.equal(sent.maskedPhone, '+1 ••• ••• 8001');
    assert.ok(sent.expiresAt > clock.now() && sent.resendAvailableAt > clock.now());
    const right = codeTo(phone);
    assert.equal(await login.checkBackupCode('host-user', 'login-1', right === '000000' ? '111111' : '000000'), false);
    assert.equal(await login.checkBackupCode('host-user', 'login-1', right), true);
    assert.equal(await login.checkBackupCode('host-user', 'login-1', right), false, 'single use');

    const audit = app.get(MfaAuditTrail).entries;
    assert.deepEqual(audit.map((e) => [e.userId, e.purpose]), [['host-user', 'enroll'], ['host-user', 'login']]);
    assert.ok(audit.every((e) => !JSON.stringify(e).includes(right)));
  });

  it("guards the host's own route with @RequireMfa: 401 without a user, 403 MFA_REQUIRED at aal1, 200 once the session verified", async () => {
    const records = (user?: string, session?: string) =>
      request(app.getHttpServer()).get('/records').set({ ...(user && { 'x-user': user }), ...(session && { 'x-session': session }) });
    await records().expect(401);
    const refused = await records('host-user', 'login-2').expect(403);
    assert.equal(refused.body.code, 'MFA_REQUIRED');
    await records('host-user', 'login-1').expect(200, { owner: 'host-user', records: [] });
    const mfa = app.get(MfaService);
    assert.equal((await mfa.getAssurance({ id: 'host-user', sessionId: 'login-1' })).aal, 'aal2');
    assert.equal((await mfa.getAssurance({ id: 'host-user' })).aal, 'aal1', 'no session id: nothing remembered');
    clock.advanceMinutes(31);
    await records('host-user', 'login-1').expect(403);
    await mfa.endSession({ id: 'host-user', sessionId: 'login-1' });
    assert.equal((await mfa.getAssurance({ id: 'host-user', sessionId: 'login-1' })).aal, 'aal1');
  });

  it('mounts no module routes with controllers: false', async () => {
    await request(app.getHttpServer()).get('/mfa/factors').expect(404);
  });

  it('is the example docs/embedding.md shows', () => {
    const page = readFileSync(join(__dirname, '..', '..', 'docs', 'embedding.md'), 'utf8');
    const example = readFileSync(join(__dirname, '..', '..', 'examples', 'host-app.module.ts'), 'utf8');
    assert.ok(page.includes(example.replaceAll("from '../src';", "from '@haven-health/nest-sms-mfa';")), 'docs/embedding.md embeds examples/host-app.module.ts');
  });
});
