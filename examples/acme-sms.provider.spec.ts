import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createServer, Server } from 'node:http';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { MfaService } from '../src';
import { CapturingLogger } from '../test/support/capturing-logger';
import { createTestDatabase, TestDatabase, withClient } from '../test/support/database';
import { OwnProviderHostModule } from './acme-sms.provider';

/** ACME's API on loopback: records what it is sent, answers as `reply` says. */
function acmeFake() {
  const received: { auth?: string; body: { to: string; text: string; ttl: number } }[] = [];
  let reply: { status: number; body: unknown } = { status: 201, body: { id: 'acme-1' } };
  const server: Server = createServer((req, res) => {
    let raw = '';
    req.on('data', (c) => (raw += c));
    req.on('end', () => {
      received.push({ auth: req.headers.authorization, body: JSON.parse(raw) });
      res.writeHead(reply.status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(reply.body));
    });
  });
  return { server, received, answer: (r: typeof reply) => (reply = r) };
}

describe('a host that plugs in its own SMS provider (examples/acme-sms.provider.ts)', () => {
  const acme = acmeFake();
  let db: TestDatabase;
  let app: INestApplication;
  const phone = (i: number) => `+1415205${String(1000 + i)}`;

  before(async () => {
    await new Promise<void>((resolve) => acme.server.listen(0, '127.0.0.1', resolve));
    db = await createTestDatabase();
    Object.assign(process.env, {
      ACME_BASE_URL: `http://127.0.0.1:${(acme.server.address() as { port: number }).port}`,
      ACME_API_KEY: 'acme-key',
      MFA_DATABASE_URL: db.url,
    });
    const moduleRef = await Test.createTestingModule({ imports: [OwnProviderHostModule] })
      .setLogger(new CapturingLogger())
      .compile();
    app = moduleRef.createNestApplication({ logger: new CapturingLogger() });
    await app.init();
  });
  after(async () => {
    await app?.close();
    await db?.drop();
    acme.server.close();
    for (const name of ['ACME_BASE_URL', 'ACME_API_KEY', 'MFA_DATABASE_URL']) delete process.env[name];
  });

  it('sends through the adapter, with the code lifetime, and logs the attempt under its name', async () => {
    const sent = await app.get(MfaService).enrollSms({ id: 'acme-user' }, phone(1));
    assert.equal(acme.received.length, 1);
    assert.deepEqual([acme.received[0].auth, acme.received[0].body.to], ['Bearer acme-key', phone(1)]);
    assert.ok(acme.received[0].body.ttl > 590 && acme.received[0].body.ttl <= 600, 'the remaining lifetime of the code');
    const [row] = await withClient(db.url, async (c) => (await c.query(`SELECT provider, provider_message_id FROM sms_send_log WHERE challenge_id = $1`, [sent.challengeId])).rows);
    assert.deepEqual(row, { provider: 'ACME', provider_message_id: 'acme-1' });
  });

  it("classifies the adapter's failures: the number's error stops, an outage is 503 with nothing else to try", async () => {
    const mfa = app.get(MfaService);
    acme.answer({ status: 400, body: { error: { code: 'invalid_number' } } });
    await assert.rejects(mfa.enrollSms({ id: 'acme-2' }, phone(2)), { code: 'INVALID_PHONE' });
    acme.answer({ status: 503, body: {} });
    await assert.rejects(mfa.enrollSms({ id: 'acme-3' }, phone(3)), { code: 'PROVIDERS_UNAVAILABLE' });
  });

  it('is the example the README shows', () => {
    const root = join(__dirname, '..', '..');
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    const example = readFileSync(join(root, 'examples', 'acme-sms.provider.ts'), 'utf8').replaceAll("from '../src';", "from 'nest-sms-mfa';");
    assert.ok(readme.includes(example), 'README embeds examples/acme-sms.provider.ts');
  });
});
