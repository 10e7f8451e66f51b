import 'reflect-metadata';
import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { setUpExpress } from '@haven-health/nest-sms-mfa/express';
import { mfaFastifyAdapter, setUpFastify } from '@haven-health/nest-sms-mfa/fastify';
import { AppModule, type HostSettings } from './app.module';

export type HttpPlatform = 'express' | 'fastify';

/** The host's app on either HTTP platform, with the module's body limits and client-IP policy. */
export async function createHostApp(platform: HttpPlatform, settings: HostSettings): Promise<INestApplication> {
  const module = AppModule.register(settings);
  const options = { logger: ['error', 'warn'] as ('error' | 'warn')[] };
  if (platform === 'fastify') {
    const app = await NestFactory.create(module, mfaFastifyAdapter({ trustProxy: false }), options);
    setUpFastify(app);
    return app;
  }
  const app = await NestFactory.create(module, { ...options, bodyParser: false });
  setUpExpress(app, { trustProxy: false });
  return app;
}
