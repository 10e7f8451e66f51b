import { randomBytes } from 'node:crypto';
import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';

/** How a fake answers the next requests. */
export type FakeMode =
  | { kind: 'ok' }
  | { kind: 'server-error' }
  | { kind: 'throttle' }
  | { kind: 'hang' }
  | { kind: 'number-error'; code: string }
  /**
   * Any vendor error: HTTP status and the vendor's code, for every request, or
   * only those to numbers starting with `onlyTo`, or only those whose path contains `onlyPath`.
   */
  | { kind: 'error'; status: number; code: string; onlyTo?: string; onlyPath?: string };

export interface RecordedRequest {
  path: string;
  headers: IncomingMessage['headers'];
  /** The body read as a form (the form-encoded vendors). */
  form: URLSearchParams;
  /** The body as received (the JSON vendors). */
  body: string;
}

/**
 * A loopback HTTP server that records requests (as a form and as raw text)
 * and answers them in a vendor's wire format. Subclasses speak the vendor's protocol.
 */
export abstract class FakeServer {
  readonly requests: RecordedRequest[] = [];
  mode: FakeMode = { kind: 'ok' };
  private waiters: (() => void)[] = [];
  private server?: Server;
  private readonly sockets = new Set<Socket>();

  /** Answers a request in the vendor's format, as `mode` says. */
  protected abstract answer(req: RecordedRequest, mode: FakeMode, res: ServerResponse): void;

  /** The vendor's error response for an HTTP status and one of its error codes. */
  protected abstract answerError(res: ServerResponse, status: number, code: string): void;

  /** The number a request is for. */
  protected abstract recipient(req: RecordedRequest): string;

  async start(): Promise<string> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const body = Buffer.concat(chunks).toString('utf8');
        const recorded = { path: req.url ?? '/', headers: req.headers, form: new URLSearchParams(body), body };
        this.requests.push(recorded);
        for (const wake of this.waiters.splice(0)) wake();
        if (this.mode.kind === 'hang') return; // never answers; closed on stop()
        const mode = this.mode;
        if (
          mode.kind === 'error' &&
          (!mode.onlyTo || this.recipient(recorded).startsWith(mode.onlyTo)) &&
          (!mode.onlyPath || recorded.path.includes(mode.onlyPath))
        ) {
          return this.answerError(res, mode.status, mode.code);
        }
        this.answer(recorded, mode.kind === 'error' ? { kind: 'ok' } : mode, res);
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

  /** Resolves when the next request arrives (tests wait on events, never on time). */
  nextRequest(): Promise<void> {
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  reset(mode: FakeMode = { kind: 'ok' }): void {
    this.requests.length = 0;
    this.mode = mode;
  }

  protected static id(bytes = 16): string {
    return randomBytes(bytes).toString('hex');
  }
}
