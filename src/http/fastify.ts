import type { IncomingMessage } from 'node:http';
import type { INestApplication } from '@nestjs/common';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { BODY_LIMIT_BYTES, MAX_PATH_PARAM_CHARS, SNS_BODY_LIMIT_BYTES, SNS_EVENTS_PATH } from './body-limits';

export interface MfaFastifyOptions {
  /** The module's `trustProxy` (TRUST_PROXY): a hop count is read as Express reads it. */
  trustProxy: string | number | boolean;
  /** Request ids (e.g. the host's logger's). */
  genReqId?: (request: IncomingMessage) => string;
}

/**
 * The Fastify adapter a host gives NestFactory (entry `…/fastify`): the
 * client-IP policy, the body limit (the SNS route's own larger one), Node's
 * request and keep-alive timeouts, routing without regard to case (as under
 * Express, so every path reaches the same guard), and the module's error
 * shape for paths the router refuses. Then call setUpFastify(app).
 */
export function mfaFastifyAdapter(options: MfaFastifyOptions): FastifyAdapter {
  const hops = options.trustProxy;
  const adapter = new FastifyAdapter({
    // A hop count as Express reads it (trust the n nearest proxies); Fastify would read a number as "trust none".
    trustProxy: typeof hops === 'number' ? (_address: string, hop: number) => hop < hops : hops,
    bodyLimit: BODY_LIMIT_BYTES,
    ...(options.genReqId && { genReqId: options.genReqId }),
    requestTimeout: 300_000,
    keepAliveTimeout: 5_000,
    routerOptions: { caseSensitive: false, maxParamLength: MAX_PATH_PARAM_CHARS },
    // Paths the router refuses before any hook: the module's error shape, with the request id, never the path echoed.
    frameworkErrors: (error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
      const tooLong = error.code === 'FST_ERR_MAX_PARAM_LENGTH';
      const statusCode = tooLong ? 414 : 400;
      void reply
        .code(statusCode)
        .header('X-Request-Id', request.id)
        .send({
          statusCode,
          code: 'VALIDATION_FAILED',
          message: tooLong ? 'The request path is too long.' : 'The request path is not valid.',
        });
    },
  });
  // Registered before Nest adds its routes: the SNS route's own body limit.
  adapter.getInstance().addHook('onRoute', (route) => {
    if (route.url.toLowerCase() === SNS_EVENTS_PATH) route.bodyLimit = SNS_BODY_LIMIT_BYTES;
  });
  return adapter;
}

/** After NestFactory.create: Twilio's form bodies, and the request id on every answer. */
export function setUpFastify(app: INestApplication): void {
  const fastify = app as NestFastifyApplication;
  // Fastify parses JSON and text/plain itself, within its bodyLimit.
  fastify.useBodyParser('application/x-www-form-urlencoded');
  fastify.getHttpAdapter().getInstance().addHook('onRequest', async (request, reply) => {
    reply.header('X-Request-Id', request.id);
  });
}
