import { execFileSync, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { analyzeAndCheckpoint } from './scale';
import { createTestDatabase } from '../test/support/database';

/** One phase of the peer's output: `{ ops, p50, p95, p99 }` per level. */
export interface PeerPhase {
  ops: number;
  p50: number;
  p95: number;
  p99: number;
}

export type PeerResults = Record<'send' | 'verify', Record<string, PeerPhase>>;

/**
 * Runs the peer benchmark (a folder with `bench.mjs` and its package.json, e.g.
 * better-auth's phone OTP) in the same sitting, on the same Postgres, in a
 * fresh database: copied to a temporary folder (the given one may be
 * read-only) and installed there once with `npm ci`. Its last output line is
 * the JSON it measured.
 */
export async function runPeer(folder: string): Promise<PeerResults> {
  if (!process.env.DATABASE_URL) throw new Error('--peer needs DATABASE_URL: both benchmarks must use the same Postgres');
  const source = resolve(folder);
  if (!existsSync(join(source, 'bench.mjs'))) throw new Error(`no bench.mjs in ${source}`);
  const work = join(tmpdir(), 'mfa-peer-bench');
  mkdirSync(work, { recursive: true });
  cpSync(source, work, { recursive: true, filter: (path) => !path.includes('node_modules') });
  if (!existsSync(join(work, 'node_modules'))) {
    console.log(`installing the peer benchmark in ${work} (npm ci, once)`);
    execFileSync('npm', ['ci', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: work, stdio: 'inherit' });
  }
  const db = await createTestDatabase();
  await analyzeAndCheckpoint(db.url);
  try {
    const out = await new Promise<string>((done, fail) => {
      const child = spawn(process.execPath, ['bench.mjs'], { cwd: work, env: { ...process.env, DATABASE_URL: db.url } });
      let stdout = '';
      child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => process.stderr.write(chunk));
      child.on('error', fail);
      child.on('exit', (code) => (code === 0 ? done(stdout) : fail(new Error(`peer benchmark exited with ${code}`))));
    });
    return JSON.parse(out.trim().split('\n').at(-1)!) as PeerResults;
  } finally {
    await db.drop();
  }
}
