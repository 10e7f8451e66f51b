import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { ConfigError } from '../../src';
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

  it('takes an empty variable as unset', () => {
    const env: NodeJS.ProcessEnv = { SMS_CODE_SECRET: '', MFA_ENCRYPTION_KEY: '' };
    const file = keepDevKeysWithData(env, dev(join(root, 'empty')));
    assert.deepEqual(JSON.parse(readFileSync(file!, 'utf8')), { SMS_CODE_SECRET: env.SMS_CODE_SECRET, MFA_ENCRYPTION_KEY: env.MFA_ENCRYPTION_KEY });
  });

  it('stops start-up on a key file it cannot use, and leaves the file as it was', () => {
    for (const [name, text] of [['not-json', '{"SMS_CODE'], ['null', 'null'], ['short', '{"SMS_CODE_SECRET":"x","MFA_ENCRYPTION_KEY":"00"}']]) {
      const dataDir = join(root, name);
      mkdirSync(dataDir);
      writeFileSync(join(dataDir, 'dev-keys.json'), text);
      assert.throws(() => keepDevKeysWithData({}, dev(dataDir)), (err: Error) => err instanceof ConfigError && /dev-keys\.json is/.test(err.message), name);
      assert.equal(readFileSync(join(dataDir, 'dev-keys.json'), 'utf8'), text);
    }
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
