import { createHostApp } from './bootstrap';
import { hostSettings } from './app.module';

async function main(): Promise<void> {
  const app = await createHostApp(process.env.HOST_HTTP === 'express' ? 'express' : 'fastify', hostSettings(process.env));
  app.enableShutdownHooks();
  await app.listen(Number(process.env.HOST_PORT ?? 3100), '127.0.0.1');
}

void main();
