import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { FACTOR_PHONE } from '../src/sms/code-issue.unit';

export interface Ceiling {
  /** Items per statement. */
  batch: number;
  clients: number;
  /** Statements per second pgbench ran, and the sends they stand for. */
  tps: number;
  sendsPerSecond: number;
}

/**
 * The Postgres ceiling of the send path: pgbench (when installed) running the
 * statement a send is (mfa_issue_challenges), with `batch` login codes per
 * statement, from `clients` connections for `seconds`, on the bench's
 * migrated database: what Postgres alone allows, with no HTTP, Nest or
 * provider in front. Each item is a login code that names no number, as the
 * server sends it: one of the `users` enrolled users (bench-user-<i>, each
 * from its own client address), its number read by the statement, under its
 * user, number and address limits.
 */
export async function pgbenchCeiling(databaseUrl: string, batch: number, users: number, clients = 32, seconds = 10): Promise<Ceiling | undefined> {
  const dir = mkdtempSync(join(tmpdir(), 'mfa-ceiling-'));
  const script = join(dir, 'issue.sql');
  writeFileSync(
    script,
    `SELECT count(*) FROM mfa_issue_challenges((
       SELECT jsonb_agg(jsonb_build_object(
         'ord', g - 1, 'id', gen_random_uuid(), 'userId', 'bench-user-' || i, 'lookup', true, 'purpose', 'login',
         'codeHash', encode(decode(md5(random()::text), 'hex'), 'base64'), 'expiresAt', now() + interval '10 minutes',
         'maxAttempts', 3, 'clientIp', ip, 'channel', 'sms', 'provider', 'MOCK', 'status', 'sending', 'now', now(),
         'subjects', jsonb_build_array('user:bench-user-' || i, 'phone:${FACTOR_PHONE}', 'ip:' || ip),
         'limitNames', jsonb_build_array('user', 'phone', 'ip'), 'hourly', jsonb_build_array(1000000, 1000000, 1000000),
         'daily', jsonb_build_array(1000000, 1000000, 1000000), 'cooldownSeconds', jsonb_build_array(0, 0, 0),
         'progressive', jsonb_build_array(false, false, false), 'cooldownCap', 0))
         FROM generate_series(1, ${batch}) g,
              LATERAL (SELECT floor(random() * ${users})::int + g * 0 AS i) u, -- g: drawn again for each item
              LATERAL (SELECT '198.18.' || (i / 250) || '.' || (i % 250 + 1) AS ip) a));\n`,
  );
  try {
    const { stdout } = await promisify(execFile)('pgbench', ['-n', '-c', String(clients), '-j', '2', '-T', String(seconds), '-f', script, databaseUrl]);
    const tps = Number(/tps = ([\d.]+)/.exec(stdout)?.[1]);
    if (!Number.isFinite(tps)) return undefined;
    return { batch, clients, tps: Math.round(tps), sendsPerSecond: Math.round(tps * batch) };
  } catch {
    return undefined; // no pgbench here: the ceiling is not reported
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
