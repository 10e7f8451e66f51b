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

describe('a host app embedding SmsMfaModule.forRootAsync (the README example)', () => {
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
    assert.equal(await login.checkBackupCode('host-user', right === '000000' ? '111111' : '000000'), false);
    assert.equal(await login.checkBackupCode('host-user', right), true);
    assert.equal(await login.checkBackupCode('host-user', right), false, 'single use');

    const audit = app.get(MfaAuditTrail).entries;
    assert.deepEqual(audit.map((e) => [e.userId, e.purpose]), [['host-user', 'enroll'], ['host-user', 'login']]);
    assert.ok(audit.every((e) => !JSON.stringify(e).includes(right)));
  });

  it('mounts no routes with controllers: false', async () => {
    await request(app.getHttpServer()).get('/mfa/factors').expect(404);
  });

  it('is the example the README shows', () => {
    const readme = readFileSync(join(__dirname, '..', '..', 'README.md'), 'utf8');
    const example = readFileSync(join(__dirname, '..', '..', 'examples', 'host-app.module.ts'), 'utf8');
    assert.ok(readme.includes(example.replaceAll("from '../src';", "from 'nest-sms-mfa';")), 'README embeds examples/host-app.module.ts');
  });
});
