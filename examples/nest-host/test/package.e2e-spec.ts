import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, lstatSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { promisify } from 'node:util';
import { DataSource } from 'typeorm';
import { MFA_MIGRATIONS, runMfaMigrations } from '@haven-health/nest-sms-mfa';
import { CreateHostNotes1800000000000, hostDataSource } from '../src/host-migrations';
import { freshDatabase, sql } from './support';

const run = promisify(execFile);
const ROOT = join(__dirname, '..', '..');

/** Every copy of `name` anywhere under node_modules (nested copies included). */
function copiesOf(name: string, dir = join(ROOT, 'node_modules')): string[] {
  const found: string[] = [];
  if (existsSync(join(dir, name, 'package.json'))) found.push(join(dir, name));
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (!entry.isDirectory() || entry.name.startsWith('.')) continue;
    const scopes = entry.name.startsWith('@') ? readdirSync(join(dir, entry.name)).map((n) => join(dir, entry.name, n)) : [join(dir, entry.name)];
    for (const pkg of scopes) if (existsSync(join(pkg, 'node_modules'))) found.push(...copiesOf(name, join(pkg, 'node_modules')));
  }
  return found;
}

describe('the installed package', () => {
  it('came from the packed tarball: compiled code and declarations, no demo, tests or bench', () => {
    const pkg = join(ROOT, 'node_modules', '@haven-health', 'nest-sms-mfa');
    assert.equal(lstatSync(pkg).isSymbolicLink(), false, 'a copy from the tarball, not a link into the repository');
    assert.ok(existsSync(join(pkg, 'dist', 'src', 'index.js')) && existsSync(join(pkg, 'dist', 'src', 'index.d.ts')));
    for (const absent of ['dist/apps', 'apps', 'dist/src/demo', 'dist/src/main.js', 'dist/test', 'dist/bench', 'test', 'bench', 'src/index.ts'])
      assert.equal(existsSync(join(pkg, absent)), false, absent);
  });

  it('shares one @nestjs/core and one @nestjs/common with the host (peers, not copies)', () => {
    assert.equal(copiesOf('@nestjs/core').length, 1, copiesOf('@nestjs/core').join(', '));
    assert.equal(copiesOf('@nestjs/common').length, 1, copiesOf('@nestjs/common').join(', '));
  });

  it('loads with require and with import', async () => {
    const names = 'SmsMfaModule, RequireMfa, MfaPublicRoute';
    const cjs = await run(process.execPath, ['-e', `const { ${names} } = require('@haven-health/nest-sms-mfa'); console.log(typeof SmsMfaModule.forRoot, typeof RequireMfa, typeof MfaPublicRoute)`], { cwd: ROOT });
    assert.equal(cjs.stdout.trim(), 'function function function');
    const esm = await run(process.execPath, ['--input-type=module', '-e', `import { ${names} } from '@haven-health/nest-sms-mfa'; import { setUpExpress } from '@haven-health/nest-sms-mfa/express'; console.log(typeof SmsMfaModule.forRootAsync, typeof setUpExpress)`], { cwd: ROOT });
    assert.equal(esm.stdout.trim(), 'function function');
  });
});

describe("the host's migrations beside the module's", () => {
  let db: Awaited<ReturnType<typeof freshDatabase>>;
  before(async () => (db = await freshDatabase()));
  after(async () => db?.drop());
  const tables = async () => (await sql<{ t: string }>(db.url, `SELECT tablename AS t FROM pg_tables WHERE schemaname = 'public'`)).map((r) => r.t);

  it('the migrate command is idempotent and safe on two instances at once; the host can still undo its last migration', async () => {
    const bin = join(ROOT, 'node_modules', '.bin', 'nest-sms-mfa');
    const outputs = await Promise.all([1, 2].map(() => run(bin, ['migrate', '--database-url', db.url])));
    assert.deepEqual(outputs.map((o) => o.stdout.startsWith('Applied: ')).sort(), [false, true], 'one applied, the other found nothing to do');
    assert.equal((await run(bin, ['migrate', '--database-url', db.url])).stdout.trim(), 'Schema is up to date.');

    const host = await hostDataSource(db.url).initialize();
    try {
      await host.runMigrations();
      assert.ok((await tables()).includes('host_notes'));
      await host.undoLastMigration();
      const after = await tables();
      assert.equal(after.includes('host_notes'), false, "the host's own migration was undone");
      assert.ok(after.includes('mfa_sms_factors') && after.includes('mfa_migrations'), "the module's schema stays");
    } finally {
      await host.destroy();
    }
  });

  it("or: MFA_MIGRATIONS in the host's own DataSource, run by two instances at once under the module's lock", async () => {
    const own = await freshDatabase();
    const source = () =>
      new DataSource({ type: 'postgres', url: own.url, migrations: [...MFA_MIGRATIONS, CreateHostNotes1800000000000], extra: { max: 2 } });
    const [a, b] = await Promise.all([source().initialize(), source().initialize()]);
    try {
      const applied = await Promise.all([runMfaMigrations(a), runMfaMigrations(b)]);
      assert.deepEqual(applied.map((names) => names.length).sort((x, y) => x - y), [0, MFA_MIGRATIONS.length + 1]);
      await a.undoLastMigration();
      assert.deepEqual((await sql(own.url, `SELECT to_regclass('host_notes') AS t`))[0], { t: null });
      assert.equal((await a.showMigrations()), true, 'only the undone one is pending');
    } finally {
      await Promise.all([a.destroy(), b.destroy()]);
      await own.drop();
    }
  });
});
