import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { Client } from 'pg';
import type { HostSettings } from '../src/app.module';

/** The server the host's databases are made on: the machine's Postgres in CI. */
export const SERVER_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export async function sql<T = Record<string, unknown>>(url: string, text: string, values: unknown[] = []): Promise<T[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(text, values)).rows as T[];
  } finally {
    await client.end();
  }
}

/** A fresh database for one suite, dropped after it. */
export async function freshDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `nest_host_${process.pid}_${randomBytes(4).toString('hex')}`;
  await sql(SERVER_URL, `CREATE DATABASE ${name}`);
  const url = new URL(SERVER_URL);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: async () => void (await sql(SERVER_URL, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)) };
}

export function settingsFor(databaseUrl: string): HostSettings {
  return {
    databaseUrl,
    sessionSecret: randomBytes(32).toString('hex'),
    mfaCodeSecret: randomBytes(32).toString('hex'),
    mfaEncryptionKey: randomBytes(32).toString('hex'),
  };
}

/** The ACME gateway's API on loopback: records what it is sent, answers as `answer` says. */
export async function acmeFake() {
  const received: { auth?: string; body: { to: string; text: string; ttl: number; reference?: string } }[] = [];
  // By default each message is accepted under its own id (acme-1, acme-2…).
  let reply: { status: number; body: unknown } | undefined;
  const server: Server = createServer((req, res) => {
    let raw = '';
    req.on('data', (chunk: Buffer) => (raw += chunk));
    req.on('end', () => {
      received.push({ auth: req.headers.authorization, body: JSON.parse(raw) });
      const { status, body } = reply ?? { status: 201, body: { id: `acme-${received.length}` } };
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    answer: (r: typeof reply) => (reply = r),
    /** The code in the last message to `to`. */
    codeFor(to: string): string {
      const message = received.filter((m) => m.body.to === to).at(-1);
      const code = message?.body.text.match(/\b(\d{6})\b/)?.[1];
      if (!code) throw new Error(`no code was sent to ${to.slice(0, 4)}…`);
      return code;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
