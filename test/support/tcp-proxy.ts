import { createServer, connect, Server, Socket } from 'node:net';

/**
 * A TCP proxy in front of the database that a test can cut (connections reset,
 * new ones refused) or make hang (accepted, never answered), then restore.
 */
export class TcpProxy {
  private server?: Server;
  private readonly sockets = new Set<Socket>();
  mode: 'pass' | 'refuse' | 'hang' = 'pass';

  constructor(private readonly target: { host?: string; port?: number; path?: string }) {}

  /** Starts on a loopback port; returns the database URL that goes through the proxy. */
  async start(databaseUrl: string): Promise<string> {
    this.server = createServer((client) => {
      this.sockets.add(client);
      client.on('close', () => this.sockets.delete(client));
      client.on('error', () => undefined);
      if (this.mode === 'refuse') return client.destroy();
      if (this.mode === 'hang') return;
      const upstream = this.target.path ? connect(this.target.path) : connect(this.target.port!, this.target.host!);
      this.sockets.add(upstream);
      upstream.on('close', () => this.sockets.delete(upstream));
      upstream.on('error', () => client.destroy());
      client.on('error', () => upstream.destroy());
      client.pipe(upstream).pipe(client);
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    const url = new URL(databaseUrl);
    url.hostname = '127.0.0.1';
    url.port = String((this.server.address() as { port: number }).port);
    url.searchParams.delete('host');
    return url.toString();
  }

  /** Resets every open connection and refuses new ones. */
  cut(): void {
    this.mode = 'refuse';
    for (const s of this.sockets) s.destroy();
  }

  /** New connections are accepted and never answered (existing ones are reset). */
  hang(): void {
    this.mode = 'hang';
    for (const s of this.sockets) s.destroy();
  }

  restore(): void {
    this.mode = 'pass';
  }

  async stop(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve());
  }

  /** Where a database URL points: a TCP host and port, or a Unix socket. */
  static targetOf(databaseUrl: string): { host?: string; port?: number; path?: string } {
    const url = new URL(databaseUrl);
    const socketDir = url.searchParams.get('host');
    if (socketDir) return { path: `${socketDir}/.s.PGSQL.${url.port || 5432}` };
    return { host: url.hostname, port: Number(url.port || 5432) };
  }
}
