import { INestApplication } from '@nestjs/common';
import { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { Logger as PinoLogger } from 'nestjs-pino';
import { MfaExceptionFilter } from '../common/mfa-exception.filter';
import { MFA_CONFIG, type MfaConfig } from '../config/mfa-config';
import { ShutdownDrain } from '../ops/shutdown-drain.service';

/** Bodies larger than this are refused with 413 before any parsing work. */
const BODY_LIMIT = '16kb';

/**
 * Everything the host's HTTP layer needs around the module: client IP policy,
 * body parsers with a size limit, one error shape for all routes, OpenAPI at
 * /docs (MFA_DOCS_ENABLED; off in production by default), a bounded drain on shutdown, and the pino logger when the host has nestjs-pino. Used by main.ts, the e2e tests and the benchmark.
 */
export function configureApp(app: NestExpressApplication): INestApplication {
  const config = app.get<MfaConfig>(MFA_CONFIG);
  app.use(app.get(ShutdownDrain).middleware);
  const pino = app.get(PinoLogger, { strict: false });
  if (pino) app.useLogger(pino);
  app.set('trust proxy', config.trustProxy);
  app.disable('x-powered-by');
  app.useBodyParser('json', { limit: BODY_LIMIT });
  app.useBodyParser('urlencoded', { limit: BODY_LIMIT, extended: false });
  // Amazon SNS posts its JSON as text/plain (the AWS delivery-event webhook).
  app.useBodyParser('text', { limit: BODY_LIMIT, type: 'text/plain' });
  app.useGlobalFilters(new MfaExceptionFilter());
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
