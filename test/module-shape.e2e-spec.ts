import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { Injectable, Module } from '@nestjs/common';
import { EventEmitter2, EventEmitterModule } from '@nestjs/event-emitter';
import { SchedulerRegistry } from '@nestjs/schedule';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { CleanupService, MFA_MIGRATIONS, MfaEvent, MfaService, MockSmsProvider, mfaDataSourceOptions } from '../src';
import type { SendResult, SmsMfaModuleOptions, SmsProvider } from '../src';
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { createTestDatabase, EMBEDDED, ONE_SESSION_REASON, suiteDatabase, TestDatabase, withClient } from './support/database';
import { startModuleHost } from './support/module-host';

/** Options from a class of the host's (the `useClass` form of forRootAsync). */
@Injectable()
class MfaOptionsFactory {
  create(): SmsMfaModuleOptions {
    return { config: { databaseUrl: process.env.MODULE_SHAPE_DB, nodeEnv: 'test', mockSmsEnabled: true, cooldownMinutes: 0 } };
  }
}
@Module({ providers: [MfaOptionsFactory], exports: [MfaOptionsFactory] })
class MfaOptionsModule {}

describe('the module shape, in a minimal host (not the demo)', () => {
  let db: TestDatabase;
  let host: Awaited<ReturnType<typeof startModuleHost>>;

  before(async () => {
    db = await createTestDatabase();
    process.env.MODULE_SHAPE_DB = db.url;
    // useExisting of the host's options class, its own event emitter and scheduler, no module jobs.
    host = await startModuleHost(
      { imports: [MfaOptionsModule], useExisting: MfaOptionsFactory, jobs: false, eventEmitter: false },
      [EventEmitterModule.forRoot()],
    );
  });
  after(async () => {
    await host?.app.close();
    delete process.env.MODULE_SHAPE_DB;
    await db?.drop();
  });

  it('takes its options from a host class and publishes on the host emitter', async () => {
    const events: string[] = [];
    host.app.get(EventEmitter2).on(MfaEvent.SmsSent, () => events.push('sent'));
    await host.app.get(MfaService).enrollSms({ id: 'shape' }, '+14152071001');
    assert.ok(host.app.get(MockSmsProvider).lastMessageTo('+14152071001'));
    assert.deepEqual(events, ['sent']);
  });

  it('mounts each feature’s routes (the identity from the host’s resolver)', async () => {
    const server = host.app.getHttpServer();
    await request(server).get('/mfa/factors').expect(401);
    const factors = await request(server).get('/mfa/factors').set({ 'x-user': 'shape', 'x-session': 's' }).expect(200);
    assert.equal(factors.body[0].type, 'sms');
    await request(server).get('/mfa/assurance').set({ 'x-user': 'shape', 'x-session': 's' }).expect(200);
  });

  it('schedules nothing with jobs: false (the host runs CleanupService.run() itself)', async () => {
    assert.throws(() => host.app.get(SchedulerRegistry, { strict: false }), /could not find SchedulerRegistry/, 'ScheduleModule not imported');
    assert.ok(await host.app.get(CleanupService).run());
  });
});

describe('MFA_MIGRATIONS_RUN=false: the host migrates with its own pipeline', () => {
  const db = suiteDatabase();

  const tableExists = () =>
    withClient(db.url, async (c) => (await c.query(`SELECT to_regclass('mfa_sms_factors') IS NOT NULL AS present`)).rows[0].present);
  const start = () =>
    startModuleHost({ useFactory: () => ({ config: { databaseUrl: db.url, nodeEnv: 'test', mockSmsEnabled: true, migrationsRun: false } }), jobs: false });

  it('leaves an empty database untouched at start-up, then runs on the schema `npm run migration:run` applies', async () => {
    const first = await start();
    await first.app.close();
    assert.equal(await tableExists(), false, 'no migration ran at boot');

    const script = join(__dirname, '..', 'scripts', 'migrate.js');
    const { stdout } = await promisify(execFile)(process.execPath, [script], { env: { ...process.env, DATABASE_URL: db.url } });
    assert.match(stdout, /Applied: /);
    assert.equal(await tableExists(), true);

    const second = await start();
    try {
      await second.app.get(MfaService).enrollSms({ id: 'own-pipeline' }, '+14152071002');
      assert.ok(second.app.get(MockSmsProvider).lastMessageTo('+14152071002'));
    } finally {
      await second.app.close();
    }
  });
});

describe('the module keeps its own record of migrations (mfa_migrations)', () => {
  const db = suiteDatabase();
  const rows = (table: string) =>
    withClient(db.url, async (c) => (await c.query(`SELECT name FROM ${table} ORDER BY id`)).rows.map((r) => r.name as string));

  it('adopts a 0.1 database, whose rows are in the shared `migrations` table, applying nothing twice', { skip: EMBEDDED && ONE_SESSION_REASON }, async () => {
    // 0.1: TypeORM's default table, shared with the host's own migration.
    const legacy = await new DataSource({ ...mfaDataSourceOptions(db.url, 2), migrationsTableName: 'migrations' }).initialize();
    try {
      await legacy.runMigrations();
    } finally {
      await legacy.destroy();
    }
    await withClient(db.url, (c) => c.query(`INSERT INTO migrations ("timestamp", name) VALUES (1800000000000, 'HostOwn1800000000000')`));

    const cli = join(__dirname, '..', 'src', 'cli.js');
    const migrate = () => promisify(execFile)(process.execPath, [cli, 'migrate', '--database-url', db.url]);
    // Two instances at once: one adopts, the other waits on the lock and finds nothing to do.
    const outputs = await Promise.all([migrate(), migrate()]);
    assert.deepEqual(outputs.map((o) => o.stdout.trim()), ['Schema is up to date.', 'Schema is up to date.']);
    assert.deepEqual(await rows('mfa_migrations'), MFA_MIGRATIONS.map((m) => m.name));
    assert.deepEqual((await rows('migrations')).at(-1), 'HostOwn1800000000000', "the host's rows are left alone");
  });

  it('the migrate command refuses a missing or non-Postgres URL with its usage, and exits 2', async () => {
    const cli = join(__dirname, '..', 'src', 'cli.js');
    const failed = await promisify(execFile)(process.execPath, [cli, 'migrate', '--database-url', 'mysql://x'], { env: {} }).catch(
      (err: { code: number; stderr: string }) => err,
    );
    assert.equal((failed as { code: number }).code, 2);
    assert.match((failed as { stderr: string }).stderr, /Usage: nest-sms-mfa migrate/);
  });
});

/** A host's own gateway that takes every message (what reached it is in `sent`). */
@Injectable()
class GatewayProvider implements SmsProvider {
  readonly name: string = 'GATEWAY';
  readonly enabled = true;
  readonly sent: string[] = [];
  async send(message: { to: string }): Promise<SendResult> {
    this.sent.push(message.to);
    return { providerMessageId: `gw-${this.sent.length}`, status: 'queued' };
  }
}
@Injectable()
class NamedTestProvider extends GatewayProvider {
  override readonly name = 'TEST';
}

describe('host SMS adapters', () => {
  const db = suiteDatabase();
  const config = () => ({ config: { databaseUrl: db.url, nodeEnv: 'development' as const } });

  it('count as a real provider: in development the mock is then off unless named (never a silent failover target)', async () => {
    const host = await startModuleHost({ useFactory: config, jobs: false, providers: [GatewayProvider] });
    try {
      assert.equal(host.app.get(MockSmsProvider).enabled, false);
      await host.app.get(MfaService).enrollSms({ id: 'gw' }, '+14152071003');
      assert.deepEqual(host.app.get(GatewayProvider).sent, ['+14152071003']);
    } finally {
      await host.app.close();
    }
  });

  it('may not take the name TEST, which marks test-number sends in the send log', async () => {
    await assert.rejects(startModuleHost({ useFactory: config, jobs: false, providers: [NamedTestProvider] }), /SMS provider name TEST is reserved/);
    // A start that fails in one provider leaves the connections others had begun to open: let them settle
    // before the suite drops the database (under load, a dropped in-flight connection surfaced after the test).
    await sleep(500);
  });
});
