import 'reflect-metadata';
import { createServer } from 'node:http';
import { INestApplication, Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ConfigError, loadMfaConfig, MFA_CONFIG, opsRequestListener, ShutdownDrain, type MfaConfig } from '../../src';
import { configureApp, httpAdapterFor } from './configure-app';
import { DemoAppModule } from './demo-app.module';
import { DemoAuth } from './demo-auth';
import { loadDemoConfig, type DemoConfig } from './demo.config';
import { keepDevKeysWithData } from './dev-keys';

async function bootstrap(): Promise<void> {
  // Fail fast, before Nest, with every bad variable named: the module's and the demo's own.
  const problems: string[] = [];
  const read = <T>(load: () => T): T | undefined => {
    try {
      return load();
    } catch (err) {
      if (!(err instanceof ConfigError)) throw err;
      problems.push(...err.problems);
      return undefined;
    }
  };
  const loaded = read(() => loadMfaConfig(process.env));
  const demo = read(() => loadDemoConfig(process.env));
  // Development keys live with the development data, so what is stored there still opens after a restart.
  const devKeys = loaded && read(() => keepDevKeysWithData(process.env, loaded));
  if (!loaded || !demo || problems.length) {
    console.error(new ConfigError(problems).message);
    process.exit(1);
  }
  const app = await NestFactory.create(DemoAppModule.register(demo), httpAdapterFor(demo.httpAdapter, loaded), {
    bodyParser: false,
    bufferLogs: true,
  });
  configureApp(app, demo);
  const config = app.get<MfaConfig>(MFA_CONFIG);
  await listenOnEveryInterface(app, demo);
  if (config.opsPort) {
    // The internal listener: the same app, where /metrics and the detailed /health answer (OpsAccessGuard).
    const ops = createServer(opsRequestListener(app));
    await new Promise<void>((resolve) => ops.listen(config.opsPort, resolve));
    app.get(ShutdownDrain).attach(ops);
  }

  const logger = new Logger('Demo');
  const url = `http://localhost:${demo.port}`;
  logger.log(`SMS MFA demo on ${url} — API docs at ${url}/docs, health at ${url}/health`);
  if (devKeys) logger.warn(`SMS_CODE_SECRET / MFA_ENCRYPTION_KEY not set: development keys kept with the data in ${devKeys}`);
  const auth = app.get(DemoAuth);
  if (auth.generatedSecret) {
    logger.warn('AUTH_JWT_SECRET not set: generated one for this run; the demo token (user "demo-user", 12 h) is the "export TOKEN=…" line');
    // A development bearer token for a demo identity, printed by design (the dev outbox and this token are the demo).
    console.log(`\n  export TOKEN=${auth.issueToken('demo-user', ['admin'])}\n${walkThrough(url)}`);
  }
}

/**
 * Every interface, as Node (and so Express) binds by default: `::` where the
 * host has IPv6, else `0.0.0.0`. Fastify's own default is localhost only.
 */
async function listenOnEveryInterface(app: INestApplication, config: Pick<DemoConfig, 'httpAdapter' | 'port'>): Promise<void> {
  if (config.httpAdapter === 'express') return void (await app.listen(config.port));
  try {
    await app.listen(config.port, '::');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code !== 'EAFNOSUPPORT' && code !== 'EADDRNOTAVAIL') throw err;
    await app.listen(config.port, '0.0.0.0');
  }
}

/** The first minute with the demo: a protected route, a second factor, the route again. */
function walkThrough(url: string): string {
  const curl = (args: string) => `curl -s ${args} -H "authorization: Bearer $TOKEN" -H 'content-type: application/json'`;
  return [
    '  Walk-through (the codes appear in this console, sent by the mock SMS provider):',
    `    ${curl(`${url}/demo/records`)}`,
    '      → 403 MFA_REQUIRED: this session has not shown a second factor',
    `    ${curl(`-X POST ${url}/mfa/sms/enroll -d '{"phoneNumber":"+1 415 555 2671"}'`)}`,
    '      → 202: a code is sent (once enrolled, later logins use POST /mfa/sms/challenge -d \'{}\')',
    `    ${curl(`-X POST ${url}/mfa/sms/enroll/verify -d '{"code":"<the code>"}'`)}`,
    '      → 200 { "aal": "aal2", ... }: this session has shown a second factor',
    `    ${curl(`${url}/demo/records`)}`,
    '      → 200: the records',
    '',
  ].join('\n');
}

void bootstrap();
