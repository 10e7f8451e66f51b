import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { RequestMethod } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { maskPhone } from '../../src';
import type { DemoConfig } from './demo.config';

/** Anything that looks like a full international number, wherever it appears in a log line. */
const E164 = /\+[1-9]\d{6,14}\b/g;
const scrub = (value: unknown): unknown => (typeof value === 'string' ? value.replace(E164, (n) => maskPhone(n)) : value);

const REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;
/** Probes and scrapes: no access-log line each. */
const QUIET_PATHS = new Set(['/health/live', '/metrics']);

/** The caller's X-Request-Id when it is a sane one, else a new UUID. */
export function requestIdOf(req: IncomingMessage): string {
  const given = req.headers['x-request-id'];
  return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
}

/**
 * The demo host's logs: pino, JSON in production and pretty in development;
 * one request id per request (X-Request-Id when the caller sends a sane one);
 * credentials redacted; bodies never logged; full numbers masked as a last
 * line of defence (the code already logs masked numbers only). `destination`
 * replaces stdout (tests read the lines from it).
 */
export function demoLoggerModule(config: DemoConfig, destination?: NodeJS.WritableStream) {
  return LoggerModule.forRootAsync({
    useFactory: () => ({
      // Every path, written so that both adapters match it: nestjs-pino's default ('{/*splat}')
      // gets a leading slash from @fastify/middie and then matches only '/'.
      forRoutes: [{ path: '/{*splat}', method: RequestMethod.ALL }],
      pinoHttp: {
        level: config.logLevel,
        ...(destination
          ? { stream: destination }
          : config.production
            ? {}
            : { transport: { target: 'pino-pretty', options: { singleLine: true, translateTime: 'SYS:HH:MM:ss.l' } } }),
        // Under Express; Fastify names its requests itself, with the same function (httpAdapterFor).
        genReqId: (req: IncomingMessage, res: ServerResponse) => {
          const id = requestIdOf(req);
          res.setHeader('X-Request-Id', id);
          return id;
        },
        redact: {
          paths: ['req.headers.authorization', 'req.headers.cookie', 'req.headers["x-twilio-signature"]', 'res.headers["set-cookie"]'],
          censor: '[redacted]',
        },
        serializers: {
          req: (req: { id: string; method: string; url: string; headers: Record<string, unknown> }) => ({
            id: req.id,
            method: req.method,
            url: String(req.url).split('?')[0],
            headers: { authorization: req.headers.authorization, 'user-agent': req.headers['user-agent'] },
          }),
        },
        hooks: {
          logMethod(this: unknown, args: unknown[], method: (...a: unknown[]) => void) {
            method.apply(this, args.map(scrub));
          },
        },
        // originalUrl: Fastify's middleware layer rewrites req.url; a query string does not make a probe a request worth a line.
        autoLogging: {
          ignore: (req: IncomingMessage & { originalUrl?: string }) => QUIET_PATHS.has((req.originalUrl ?? req.url ?? '').split('?')[0]),
        },
      },
    }),
  });
}
