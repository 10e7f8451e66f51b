import { Injectable, INestApplication, Module } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import type { Request } from 'express';
import { Clock, SmsMfaModule } from '../../src';
import type { AuthenticatedUser, MfaUserResolver, SmsMfaModuleForRootAsync } from '../../src';
import { CapturingLogger } from './capturing-logger';
import { FakeClock } from './clock';

/** The minimal host's identity: headers name the user and the session (a real host would use its session). */
@Injectable()
export class HeaderUserResolver implements MfaUserResolver {
  resolve(request: Request): AuthenticatedUser | null {
    const id = request.get('x-user');
    return id ? { id, sessionId: request.get('x-session') || undefined, roles: (request.get('x-roles') ?? '').split(',').filter(Boolean) } : null;
  }
}

/**
 * A host of the module and nothing else (not the demo host): SmsMfaModule with
 * the given async options, a fake clock, captured logs. For tests of the
 * module's shape and of what a host sees.
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
  const app: INestApplication = moduleRef.createNestApplication({ logger: new CapturingLogger() });
  await app.init();
  return { app, clock };
}
