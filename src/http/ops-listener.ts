import type { RequestListener } from 'node:http';
import type { INestApplication } from '@nestjs/common';

/**
 * The app's request handler, for a second, internal listener of the same app
 * (OPS_PORT), where /metrics and the detailed /health answer:
 * `createServer(opsRequestListener(app)).listen(opsPort)`. Under Express or Fastify.
 */
export function opsRequestListener(app: INestApplication): RequestListener {
  const adapter = app.getHttpAdapter();
  if (adapter.getType() === 'fastify') {
    const fastify = adapter.getInstance() as { routing: RequestListener };
    return (req, res) => fastify.routing(req, res);
  }
  return adapter.getInstance() as RequestListener;
}
