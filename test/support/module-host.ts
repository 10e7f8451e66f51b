import { Injectable, INestApplication, Module } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { header, type MfaHttpRequest } from '../../src/common/http-request';
import { Clock, SmsMfaModule } from '../../src';
import type { AuthenticatedUser, MfaConfigOverrides, MfaUserResolver, SmsMfaModuleForRootAsync } from '../../src';
import { after, before } from 'node:test';
import { createTestDatabase, type TestDatabase } from './database';
import { initApp } from './app';
import { CapturingLogger } from './capturing-logger';
import { FakeClock } from './clock';
import { testHttpAdapter } from './test-host';

/** The minimal host's identity: headers name the user and the session (a real host would use its session). */
@Injectable()
export class HeaderUserResolver implements MfaUserResolver {
  resolve(request: MfaHttpRequest): AuthenticatedUser | null {
    const id = header(request, 'x-user');
    return id ? { id, sessionId: header(request, 'x-session') || undefined, roles: (header(request, 'x-roles') ?? '').split(',').filter(Boolean) } : null;
  }
}

/**
 * A host of the module and nothing else (no routes of its own): SmsMfaModule with
 * the given async options, a fake clock, captured logs. For tests of the
 * module's shape and of what a host sees, under the adapter HTTP_ADAPTER names.
 */
export async function startModuleHost(options: SmsMfaModuleForRootAsync, extraImports: unknown[] = []) {
  @Module({ imports: [SmsMfaModule.forRootAsync({ userResolver: HeaderUserResolver, ...options }), ...(extraImports as [])] })
  class MinimalHostModule {}
  const clock = new FakeClock();
  const moduleRef = await Test.createTestingModule({ imports: [MinimalHostModule] })
    .overrideProvider(Clock)
    .useValue(clock)
    .setLogger(new CapturingLogger())
    .compile();
  const adapter = testHttpAdapter({ trustProxy: false });
  const app: INestApplication = moduleRef.createNestApplication(adapter, { logger: new CapturingLogger() });
  await initApp(app);
  return { app, clock };
}

/**
 * The fixture of a describe block on the module alone: a fresh database, a
 * module host on it (test mode, the mock provider, no jobs) with `config`,
 * torn down after. `host()` is the started host.
 */
export function useModuleHost(config: MfaConfigOverrides = {}) {
  let db: TestDatabase;
  let started: Awaited<ReturnType<typeof startModuleHost>>;
  before(async () => {
    db = await createTestDatabase();
    started = await startModuleHost({
      useFactory: () => ({ config: { databaseUrl: db.url, nodeEnv: 'test', mockSmsEnabled: true, ...config } }),
      jobs: false,
    });
  });
  after(async () => {
    await started?.app.close();
    await db?.drop();
  });
  return { host: () => started, db: () => db };
}
