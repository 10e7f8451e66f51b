import type { RequestListener } from 'node:http';
import { INestApplication } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { ExpressAdapter } from '@nestjs/platform-express';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { Logger as PinoLogger } from 'nestjs-pino';
import { MfaExceptionFilter } from '../common/mfa-exception.filter';
import { MFA_CONFIG, type HttpAdapterName, type MfaConfig } from '../config/mfa-config';
import { setUpExpress } from '../http/express';
import { mfaFastifyAdapter, setUpFastify } from '../http/fastify';
import { ShutdownDrain } from '../ops/shutdown-drain.service';
import { requestIdOf } from './logging';

/**
 * The HTTP adapter for HTTP_ADAPTER, set up as the library's entries for each
 * platform say. Create the app with `{ bodyParser: false }`: configureApp
 * installs the parsers.
 */
export function httpAdapterFor(name: HttpAdapterName, config: Pick<MfaConfig, 'trustProxy'>): ExpressAdapter | FastifyAdapter {
  if (name === 'express') return new ExpressAdapter();
  return mfaFastifyAdapter({ trustProxy: config.trustProxy, genReqId: requestIdOf });
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
  if (app.getHttpAdapter().getType() === 'fastify') setUpFastify(app);
  else setUpExpress(app, config);
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
