import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError, type MfaConfig } from '../../src';

interface DevKeys {
  SMS_CODE_SECRET: string;
  MFA_ENCRYPTION_KEY: string;
}

/**
 * The demo keeps its data in DATA_DIR across restarts, so keys generated for
 * it must be kept with it: without them the TOTP secrets and recovery codes
 * stored there no longer open. Outside production, on the embedded database,
 * a key that is not set is taken from `<DATA_DIR>/dev-keys.json` (created on
 * first start, exclusively, readable by its owner only) and set in `env`.
 * Returns the file when it was used; a host sets its own keys, and production
 * requires them. A file that is there but unreadable or malformed stops
 * start-up: replacing it would orphan the data it keys.
 */
export function keepDevKeysWithData(env: NodeJS.ProcessEnv, config: Pick<MfaConfig, 'production' | 'databaseUrl' | 'dataDir'>): string | undefined {
  if (config.production || config.databaseUrl || (env.SMS_CODE_SECRET && env.MFA_ENCRYPTION_KEY)) return undefined;
  const file = join(config.dataDir, 'dev-keys.json');
  const keys = readKeys(file) ?? createKeys(file, config.dataDir);
  if (!env.SMS_CODE_SECRET) env.SMS_CODE_SECRET = keys.SMS_CODE_SECRET;
  if (!env.MFA_ENCRYPTION_KEY) env.MFA_ENCRYPTION_KEY = keys.MFA_ENCRYPTION_KEY;
  return file;
}

/** undefined when there is no file yet. */
function readKeys(file: string): DevKeys | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw unusable(file, (err as NodeJS.ErrnoException).code ?? 'unreadable');
  }
  let keys: Partial<DevKeys> | null;
  try {
    keys = JSON.parse(text) as Partial<DevKeys> | null;
  } catch {
    throw unusable(file, 'not JSON');
  }
  if (typeof keys?.SMS_CODE_SECRET !== 'string' || keys.SMS_CODE_SECRET.length < 32 || !/^[0-9a-f]{64}$/i.test(keys.MFA_ENCRYPTION_KEY ?? '')) {
    throw unusable(file, 'not the two keys it should hold');
  }
  return keys as DevKeys;
}

function createKeys(file: string, dataDir: string): DevKeys {
  const keys = { SMS_CODE_SECRET: randomBytes(32).toString('base64url'), MFA_ENCRYPTION_KEY: randomBytes(32).toString('hex') };
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  try {
    // Exclusive: never through a link, never over another process's keys.
    writeFileSync(file, JSON.stringify(keys), { mode: 0o600, flag: 'wx' });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return readKeys(file)!;
    throw err;
  }
  return keys;
}

function unusable(file: string, why: string): ConfigError {
  return new ConfigError([
    `${file} is ${why}: set SMS_CODE_SECRET and MFA_ENCRYPTION_KEY, or remove the data directory to start over`,
  ]);
}
