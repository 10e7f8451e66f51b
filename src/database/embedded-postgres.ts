import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

/**
 * The zero-setup default for development: PGlite (Postgres compiled to
 * WebAssembly) served by pglite-socket, so the same `pg` driver and the same
 * migrations serve the embedded database and a real server. PGlite has no
 * passwords, so it listens on a Unix socket in a fresh directory only this
 * OS user can enter (0700), never on a TCP port anyone on the host could use.
 * Production refuses it (DATABASE_URL is required there).
 */
export interface EmbeddedPostgres {
  url: string;
  stop(): Promise<void>;
}

/** `dataDir` undefined → in memory. PGlite runs one query at a time; the socket server multiplexes. */
export async function startEmbeddedPostgres(
  dataDir: string | undefined,
  maxConnections: number,
): Promise<EmbeddedPostgres> {
  let path = 'memory://';
  if (dataDir) {
    path = resolve(dataDir, 'pglite');
    mkdirSync(path, { recursive: true });
  }
  const db = await PGlite.create(path);
  const socketDir = mkdtempSync(join(tmpdir(), 'mfa-pg-')); // mode 0700
  const server = new PGLiteSocketServer({ db, path: join(socketDir, '.s.PGSQL.5432'), maxConnections });
  keepExtendedQueriesWhole(server);
  await server.start();
  return {
    url: `postgres://postgres@localhost/postgres?host=${encodeURIComponent(socketDir)}`,
    async stop() {
      await server.stop();
      await db.close();
      rmSync(socketDir, { recursive: true, force: true });
    },
  };
}

/** Extended-protocol messages that only take effect at the Sync (or Flush) that ends their sequence. */
const PARSE = 0x50;
const BIND = 0x42;
const DESCRIBE = 0x44;
const EXECUTE = 0x45;
const CLOSE = 0x43;
const DEFERRED = new Set([PARSE, BIND, DESCRIBE, EXECUTE, CLOSE]);

interface QueryQueue {
  enqueue(handlerId: number, message: Uint8Array, onData: (data: Uint8Array) => void): Promise<number>;
}

/**
 * pglite-socket queues each protocol message on its own, so with several
 * connections the Parse/Bind/Execute of one query can interleave with
 * another's on PGlite's single session ("bind message supplies 5 parameters,
 * but prepared statement requires 1"). This holds a connection's messages
 * back until the Sync that ends its sequence and queues them as one unit.
 */
function keepExtendedQueriesWhole(server: PGLiteSocketServer): void {
  const queue = (server as unknown as { queryQueue: QueryQueue }).queryQueue;
  const enqueue = queue.enqueue.bind(queue);
  const held = new Map<number, Uint8Array[]>();
  queue.enqueue = (handlerId, message, onData) => {
    const parts = held.get(handlerId);
    if (DEFERRED.has(message[0])) {
      if (parts) parts.push(message);
      else held.set(handlerId, [message]);
      return Promise.resolve(0);
    }
    if (!parts) return enqueue(handlerId, message, onData);
    held.delete(handlerId);
    return enqueue(handlerId, Buffer.concat([...parts, message]), onData);
  };
}
