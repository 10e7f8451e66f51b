import type { RequestListener } from 'node:http';
import { INestApplication } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { ExpressAdapter, NestExpressApplication } from '@nestjs/platform-express';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { Logger as PinoLogger } from 'nestjs-pino';
import { MfaExceptionFilter } from '../common/mfa-exception.filter';
import { MFA_CONFIG, type HttpAdapterName, type MfaConfig } from '../config/mfa-config';
import { ShutdownDrain } from '../ops/shutdown-drain.service';
import { requestIdOf } from './logging';

/** Bodies larger than this are refused with 413 before any parsing work. */
const BODY_LIMIT_BYTES = 16 * 1024;
/** A path parameter longer than this is refused (414) under Fastify; Express has no bound of its own. */
const MAX_PATH_PARAM_CHARS = 1024;

/**
 * The HTTP adapter for HTTP_ADAPTER. Fastify takes the client IP policy
 * (TRUST_PROXY), the body limit and its routing in its constructor, so they are given here;
 * Express gets them in configureApp. Create the app with `{ bodyParser: false }`:
 * configureApp installs the parsers.
 */
export function httpAdapterFor(
  name: HttpAdapterName,
  config: Pick<MfaConfig, 'trustProxy'>,
): ExpressAdapter | FastifyAdapter {
  if (name === 'express') return new ExpressAdapter();
  const hops = config.trustProxy;
  return new FastifyAdapter({
    // A hop count as Express reads it (trust the n nearest proxies); Fastify would read a number as "trust none".
    trustProxy: typeof hops === 'number' ? (_address: string, hop: number) => hop < hops : hops,
    bodyLimit: BODY_LIMIT_BYTES,
    genReqId: requestIdOf,
    // Node's own limits, which Express keeps: a body may not trickle in forever, an idle connection closes after 5 s.
    requestTimeout: 300_000,
    keepAliveTimeout: 5_000,
    // Paths route without regard to case, as under Express: the same request reaches the same guard under both.
    // Path parameters (user ids of the admin routes) may be long, as under Express.
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
}

/**
 * Everything the host's HTTP layer needs around the module, under Express or
 * Fastify alike: client IP policy, body parsers with a size limit (JSON,
 * Twilio's forms, and the text/plain that Amazon SNS posts its JSON as), one
 * error shape for all routes, OpenAPI at /docs (MFA_DOCS_ENABLED; off in
 * production by default), a bounded drain on shutdown, and the pino logger
 * when the host has nestjs-pino. Used by main.ts, the e2e tests and the benchmark.
 */
export function configureApp(app: INestApplication): INestApplication {
  const config = app.get<MfaConfig>(MFA_CONFIG);
  app.use(app.get(ShutdownDrain).middleware);
  const pino = app.get(PinoLogger, { strict: false });
  if (pino) app.useLogger(pino);
  if (app.getHttpAdapter().getType() === 'fastify') {
    const fastify = app as NestFastifyApplication;
    // Fastify parses JSON and text/plain itself, within its bodyLimit.
    fastify.useBodyParser('application/x-www-form-urlencoded');
    fastify.getHttpAdapter().getInstance().addHook('onRequest', async (request, reply) => {
      reply.header('X-Request-Id', request.id);
    });
  } else {
    const express = app as NestExpressApplication;
    express.set('trust proxy', config.trustProxy);
    express.disable('x-powered-by');
    express.useBodyParser('json', { limit: BODY_LIMIT_BYTES });
    express.useBodyParser('urlencoded', { limit: BODY_LIMIT_BYTES, extended: false });
    express.useBodyParser('text', { limit: BODY_LIMIT_BYTES, type: 'text/plain' });
  }
  app.useGlobalFilters(new MfaExceptionFilter(app.get(HttpAdapterHost)));
  app.enableShutdownHooks();

  if (!config.docsEnabled) return app;
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('SMS backup MFA')
      .setDescription('SMS one-time codes as a backup second factor. Errors: { statusCode, code, message }.')
      .addBearerAuth()
      .build(),
  );
  SwaggerModule.setup('docs', app, document);
  return app;
}

/** The app's request handler, for a second listener of the same app (OPS_PORT). */
export function opsRequestListener(app: INestApplication): RequestListener {
  const adapter = app.getHttpAdapter();
  if (adapter.getType() === 'fastify') {
    const fastify = (app as NestFastifyApplication).getHttpAdapter().getInstance();
    return (req, res) => fastify.routing(req, res);
  }
  return adapter.getInstance() as RequestListener;
}
