import { execFileSync, spawn } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { withClient } from './database';

const ROOT = '/usr/lib/postgresql';

/** The machine's Postgres server binaries, when a test may start a server of its own (as the postgres user). */
export function postgresBinaries(): string | undefined {
  if (!existsSync(ROOT) || process.getuid?.() !== 0) return undefined;
  const version = readdirSync(ROOT).sort().pop();
  const bin = version && join(ROOT, version, 'bin');
  return bin && existsSync(join(bin, 'postgres')) && existsSync('/usr/sbin/runuser') ? bin : undefined;
}

/**
 * A Postgres server of the test's own, in a throwaway data directory, durable
 * as a production one (fsync on): one the test may kill -9 and restart
 * without touching the machine's server that other tests share.
 */
export class PrivatePostgres {
  readonly url: string;
  private readonly dir = mkdtempSync(join(tmpdir(), 'mfa-pg-'));
  private readonly port = 20_000 + Math.floor(Math.random() * 10_000);

  constructor(private readonly bin: string) {
    chownSync(this.dir, uid('postgres'), uid('postgres', 'g'));
    this.asPostgres('initdb', ['-D', this.dir, '-A', 'trust', '-U', 'postgres', '--no-sync']);
    this.url = `postgres://postgres@127.0.0.1:${this.port}/postgres`;
  }

  async start(): Promise<void> {
    const server = spawn(
      'runuser',
      ['-u', 'postgres', '--', join(this.bin, 'postgres'), '-D', this.dir, '-p', String(this.port), '-k', this.dir,
        '-c', 'listen_addresses=127.0.0.1', '-c', 'fsync=on', '-c', 'max_connections=60'],
      { stdio: 'ignore', detached: true },
    );
    server.unref();
    for (let i = 0; i < 100; i++) {
      try {
        await withClient(this.url, (c) => c.query('SELECT 1'));
        return;
      } catch {
        await new Promise((r) => setTimeout(r, 100));
      }
    }
    throw new Error('the private Postgres did not start');
  }

  /** kill -9 of the postmaster: no shutdown checkpoint, no flush of what was not flushed yet. */
  async crash(): Promise<void> {
    const pid = Number(readFileSync(join(this.dir, 'postmaster.pid'), 'utf8').split('\n')[0]);
    process.kill(pid, 'SIGKILL');
    // Its backends notice the postmaster's death and exit; the port is free once they have.
    for (let i = 0; i < 100 && existsSync(join(this.dir, 'postmaster.pid')); i++) {
      try {
        process.kill(pid, 0);
      } catch {
        break;
      }
      await new Promise((r) => setTimeout(r, 50));
    }
    await new Promise((r) => setTimeout(r, 500));
  }

  async stop(): Promise<void> {
    try {
      this.asPostgres('pg_ctl', ['-D', this.dir, '-m', 'immediate', 'stop']);
    } catch {
      // already down
    }
    rmSync(this.dir, { recursive: true, force: true });
  }

  private asPostgres(tool: string, args: string[]): void {
    execFileSync('runuser', ['-u', 'postgres', '--', join(this.bin, tool), ...args], { stdio: 'ignore' });
  }
}

function uid(user: string, kind: 'u' | 'g' = 'u'): number {
  return Number(execFileSync('id', [`-${kind}`, user], { encoding: 'utf8' }).trim());
}
