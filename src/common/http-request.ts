import type { IncomingHttpHeaders } from 'node:http';
import type { Socket } from 'node:net';

/**
 * What the module reads of a request: the fields Express's `Request` and
 * Fastify's `FastifyRequest` share, so guards and resolvers work under both
 * HTTP adapters. `ip` is the client as the adapter decided with TRUST_PROXY;
 * `originalUrl` is the request target as it came in.
 */
export interface MfaHttpRequest {
  headers: IncomingHttpHeaders;
  ip?: string;
  originalUrl: string;
  socket: Socket;
  body?: unknown;
}

/** A request header, the first value if sent more than once. */
export function header(request: MfaHttpRequest, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}
