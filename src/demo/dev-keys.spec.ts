import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { keepDevKeysWithData } from './dev-keys';

describe('keepDevKeysWithData', () => {
  const root = mkdtempSync(join(tmpdir(), 'mfa-dev-keys-'));
  after(() => rmSync(root, { recursive: true, force: true }));
  const dev = (dataDir: string) => ({ production: false, databaseUrl: undefined, dataDir });

  it('writes keys with the data on first start (owner-only) and takes the same keys on the next', () => {
    const dataDir = join(root, 'data');
    const first: NodeJS.ProcessEnv = {};
    const file = keepDevKeysWithData(first, dev(dataDir));
    assert.equal(file, join(dataDir, 'dev-keys.json'));
    assert.match(first.SMS_CODE_SECRET!, /^[A-Za-z0-9_-]{43}$/);
    assert.match(first.MFA_ENCRYPTION_KEY!, /^[0-9a-f]{64}$/);
    assert.equal(statSync(file!).mode & 0o777, 0o600);
    const restarted: NodeJS.ProcessEnv = {};
    keepDevKeysWithData(restarted, dev(dataDir));
    assert.deepEqual([restarted.SMS_CODE_SECRET, restarted.MFA_ENCRYPTION_KEY], [first.SMS_CODE_SECRET, first.MFA_ENCRYPTION_KEY]);
  });

  it('keeps a key that is set, and fills only the other', () => {
    const env: NodeJS.ProcessEnv = { MFA_ENCRYPTION_KEY: 'ab'.repeat(32) };
    const file = keepDevKeysWithData(env, dev(join(root, 'partial')));
    assert.equal(env.MFA_ENCRYPTION_KEY, 'ab'.repeat(32));
    assert.equal(env.SMS_CODE_SECRET, JSON.parse(readFileSync(file!, 'utf8')).SMS_CODE_SECRET);
  });

  it('does nothing in production, on a database server, or when both keys are set', () => {
    for (const [env, config] of [
      [{}, { ...dev(join(root, 'prod')), production: true }],
      [{}, { ...dev(join(root, 'server')), databaseUrl: 'postgres://db/mfa' }],
      [{ SMS_CODE_SECRET: 's'.repeat(32), MFA_ENCRYPTION_KEY: 'cd'.repeat(32) }, dev(join(root, 'set'))],
    ] as const) {
      const copy: NodeJS.ProcessEnv = { ...env };
      assert.equal(keepDevKeysWithData(copy, config), undefined);
      assert.deepEqual(copy, env);
      assert.throws(() => statSync(join(config.dataDir, 'dev-keys.json')), /ENOENT/);
    }
  });
});
