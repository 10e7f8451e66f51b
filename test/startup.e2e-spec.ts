import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, it } from 'node:test';

const main = join(__dirname, '..', 'apps', 'demo', 'main.js');

function start(env: Record<string, string>) {
  return spawnSync(process.execPath, [main], { env: { PATH: process.env.PATH ?? '', ...env }, encoding: 'utf8', timeout: 20_000 });
}

describe('start-up configuration', () => {
  it('stops with a message naming each bad variable and what it allows', () => {
    const run = start({ SMS_CODE_LENGTH: '12', SMS_FRAUD_MODE: 'off' });
    assert.equal(run.status, 1);
    assert.match(run.stderr, /SMS_CODE_LENGTH must be an integer from 4 to 10/);
    assert.match(run.stderr, /SMS_FRAUD_MODE must be one of block, monitor/);
  });

  it('refuses production without its secrets or with the mock provider', () => {
    const run = start({ NODE_ENV: 'production', MOCK_SMS_ENABLED: 'true' });
    assert.equal(run.status, 1);
    assert.match(run.stderr, /MOCK_SMS_ENABLED must be false when NODE_ENV=production/);
    assert.match(run.stderr, /SMS_CODE_SECRET must be set when NODE_ENV=production/);
  });
});
