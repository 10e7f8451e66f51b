import { INestApplication } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { ExpressAdapter } from '@nestjs/platform-express';
import type { FastifyAdapter } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { Logger as PinoLogger } from 'nestjs-pino';
import { MFA_CONFIG, MfaExceptionFilter, ShutdownDrain, type MfaConfig } from '../../src';
import { setUpExpress } from '../../src/http/express';
import { mfaFastifyAdapter, setUpFastify } from '../../src/http/fastify';
import type { DemoConfig, HttpAdapterName } from './demo.config';
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
 * when the host has nestjs-pino. Used by main.ts, the demo's tests and the benchmark.
 */
export function configureApp(app: INestApplication, demo: Pick<DemoConfig, 'docsEnabled'>): INestApplication {
  const config = app.get<MfaConfig>(MFA_CONFIG);
  app.use(app.get(ShutdownDrain).middleware);
  const pino = app.get(PinoLogger, { strict: false });
  if (pino) app.useLogger(pino);
  if (app.getHttpAdapter().getType() === 'fastify') setUpFastify(app);
  else setUpExpress(app, config);
  app.useGlobalFilters(new MfaExceptionFilter(app.get(HttpAdapterHost)));
  app.enableShutdownHooks();

  if (!demo.docsEnabled) return app;
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
