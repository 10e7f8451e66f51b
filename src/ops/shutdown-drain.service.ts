import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { BeforeApplicationShutdown, Inject, Injectable, Logger } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { OPS_CONFIG, type OpsConfig } from './ops.config';

const RETRY_AFTER_SECONDS = 5;

/**
 * Graceful shutdown with a bound. On SIGTERM (app.close()): readiness turns
 * 503; every new request, also on a kept-alive connection, gets 503
 * SERVICE_UNAVAILABLE with `Connection: close`; idle keep-alive connections
 * are closed; in-flight requests drain for at most SHUTDOWN_DRAIN_MS; what
 * remains is destroyed. Then Nest closes the server and the pools.
 */
@Injectable()
export class ShutdownDrain implements BeforeApplicationShutdown {
  private readonly logger = new Logger('Shutdown');
  private draining = false;
  private inFlight = 0;
  private idle?: () => void;
  private readonly others: Server[] = [];
  private startDraining!: () => void;
  /** Resolves when the drain begins (for hosts and tests that act on it). */
  readonly drainStarted = new Promise<void>((resolve) => (this.startDraining = resolve));

  constructor(
    @Inject(OPS_CONFIG) private readonly config: OpsConfig,
    private readonly adapterHost: HttpAdapterHost,
  ) {}

  get isDraining(): boolean {
    return this.draining;
  }

  /** Another listener of the same app (the OPS_PORT one): drained and closed with the main one. */
  attach(server: Server): void {
    this.others.push(server);
  }

  /** Counts requests in flight; refuses new ones while draining. Mounted first by configureApp. */
  readonly middleware = (req: IncomingMessage, res: ServerResponse, next: () => void): void => {
    if (this.draining) {
      res.writeHead(503, {
        'content-type': 'application/json',
        connection: 'close',
        'retry-after': String(RETRY_AFTER_SECONDS),
      });
      res.end(
        JSON.stringify({
          statusCode: 503,
          code: 'SERVICE_UNAVAILABLE',
          message: 'This instance is shutting down: retry.',
          retryAfterSeconds: RETRY_AFTER_SECONDS,
        }),
      );
      return;
    }
    this.inFlight += 1;
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      this.inFlight -= 1;
      if (this.draining) res.shouldKeepAlive = false;
      if (this.inFlight === 0) this.idle?.();
    };
    res.once('finish', finish);
    res.once('close', finish);
    next();
  };

  async beforeApplicationShutdown(): Promise<void> {
    this.draining = true;
    this.startDraining();
    const servers = [this.adapterHost.httpAdapter?.getHttpServer() as Server | undefined, ...this.others].filter(
      (s): s is Server => !!s && typeof s.closeIdleConnections === 'function',
    );
    for (const server of servers) server.closeIdleConnections();
    const started = Date.now();
    if (this.inFlight > 0) {
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([
        new Promise<void>((resolve) => (this.idle = resolve)),
        new Promise<void>((resolve) => (timer = setTimeout(resolve, this.config.shutdownDrainMs))),
      ]);
      clearTimeout(timer);
    }
    if (this.inFlight > 0)
      this.logger.warn(`${this.inFlight} requests still running after ${this.config.shutdownDrainMs} ms: closed`);
    else this.logger.log(`drained in ${Date.now() - started} ms`);
    for (const server of servers) server.closeAllConnections();
    for (const other of this.others) other.close();
  }
}
