import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { MfaConfig } from '../config/mfa-config';

interface DevKeys {
  SMS_CODE_SECRET: string;
  MFA_ENCRYPTION_KEY: string;
}

/**
 * The demo keeps its data in DATA_DIR across restarts, so keys generated for
 * it must be kept with it: without them the TOTP secrets and recovery codes
 * stored there no longer open. Outside production, on the embedded database,
 * a key that is not set is taken from `<DATA_DIR>/dev-keys.json` (written on
 * first start, readable by its owner only) and set in `env`. Returns the file
 * when it was used; a host sets its own keys, and production requires them.
 */
export function keepDevKeysWithData(env: NodeJS.ProcessEnv, config: Pick<MfaConfig, 'production' | 'databaseUrl' | 'dataDir'>): string | undefined {
  if (config.production || config.databaseUrl || (env.SMS_CODE_SECRET && env.MFA_ENCRYPTION_KEY)) return undefined;
  const file = join(config.dataDir, 'dev-keys.json');
  let keys: DevKeys;
  try {
    keys = JSON.parse(readFileSync(file, 'utf8')) as DevKeys;
  } catch {
    keys = { SMS_CODE_SECRET: randomBytes(32).toString('base64url'), MFA_ENCRYPTION_KEY: randomBytes(32).toString('hex') };
    mkdirSync(config.dataDir, { recursive: true });
    writeFileSync(file, JSON.stringify(keys), { mode: 0o600 });
  }
  env.SMS_CODE_SECRET ??= keys.SMS_CODE_SECRET;
  env.MFA_ENCRYPTION_KEY ??= keys.MFA_ENCRYPTION_KEY;
  return file;
}
