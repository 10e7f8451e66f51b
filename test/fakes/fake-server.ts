import { randomBytes } from 'node:crypto';
import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';

/** How a fake answers the next requests. */
export type FakeMode =
  | { kind: 'ok' }
  | { kind: 'server-error' }
  | { kind: 'throttle' }
  | { kind: 'hang' }
  | { kind: 'number-error'; code: string };

export interface RecordedRequest {
  path: string;
  headers: IncomingMessage['headers'];
  form: URLSearchParams;
}

/**
 * A loopback HTTP server that records form-encoded requests and answers them
 * in a vendor's wire format. Subclasses speak the vendor's protocol.
 */
export abstract class FakeServer {
  readonly requests: RecordedRequest[] = [];
  mode: FakeMode = { kind: 'ok' };
  private server?: Server;
  private readonly sockets = new Set<Socket>();

  protected abstract answer(req: RecordedRequest, res: ServerResponse): void;

  async start(): Promise<string> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const recorded = {
          path: req.url ?? '/',
          headers: req.headers,
          form: new URLSearchParams(Buffer.concat(chunks).toString('utf8')),
        };
        this.requests.push(recorded);
        if (this.mode.kind === 'hang') return; // never answers; closed on stop()
        this.answer(recorded, res);
      });
    });
    this.server.on('connection', (s) => {
      this.sockets.add(s);
      s.on('close', () => this.sockets.delete(s));
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    const { port } = this.server.address() as { port: number };
    return `http://127.0.0.1:${port}`;
  }

  async stop(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve());
  }

  reset(mode: FakeMode = { kind: 'ok' }): void {
    this.requests.length = 0;
    this.mode = mode;
  }

  protected static id(bytes = 16): string {
    return randomBytes(bytes).toString('hex');
  }
}
