import { randomUUID } from 'node:crypto';
import { Controller, Get, INestApplication, Injectable, Module, type DynamicModule } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { ExpressAdapter } from '@nestjs/platform-express';
import type { FastifyAdapter } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import * as jwt from 'jsonwebtoken';
import { header } from '../../src/common/http-request';
import { CurrentUser, MfaExceptionFilter, RequireMfa, ShutdownDrain, SmsMfaModule } from '../../src';
import type { AuthenticatedUser, MfaConfig, MfaConfigOverrides, MfaHttpRequest, MfaUserResolver, SmsMfaModuleWiring } from '../../src';
import { setUpExpress } from '../../src/http/express';
import { mfaFastifyAdapter, setUpFastify } from '../../src/http/fastify';

export const TEST_JWT_SECRET = 'test-secret-test-secret-test-secret-0123';

/** The test host's logins: HS256 bearer tokens with `sub`, `roles`, `sid` and a required `exp`, as a host's auth would leave them. */
export function issueTestToken(sub: string, roles: string[] = [], expiresInSeconds = 12 * 3600, sid: string = randomUUID()): string {
  return jwt.sign({ sub, roles, sid }, TEST_JWT_SECRET, { algorithm: 'HS256', expiresIn: expiresInSeconds });
}

@Injectable()
export class TestBearerResolver implements MfaUserResolver {
  resolve(request: MfaHttpRequest): AuthenticatedUser | null {
    const token = header(request, 'authorization')?.match(/^Bearer\s+(\S{10,4096})$/)?.[1];
    if (!token) return null;
    try {
      const claims = jwt.verify(token, TEST_JWT_SECRET, { algorithms: ['HS256'] }) as { sub?: unknown; roles?: unknown; sid?: unknown; exp?: unknown };
      if (typeof claims.sub !== 'string' || typeof claims.exp !== 'number') return null;
      const roles = Array.isArray(claims.roles) ? claims.roles.filter((r): r is string => typeof r === 'string') : [];
      return { id: claims.sub, roles, sessionId: typeof claims.sid === 'string' ? claims.sid : undefined };
    } catch {
      return null;
    }
  }
}

/** The host's own data behind @RequireMfa: 401 with no login, 403 MFA_REQUIRED below aal2, 200 after. */
@Controller('host/records')
export class HostRecordsController {
  @Get()
  @RequireMfa({ maxAgeMinutes: 60 })
  records(@CurrentUser() user: AuthenticatedUser) {
    return { patient: user.id, records: [{ kind: 'note', text: 'seen at the field clinic' }] };
  }
}

/** A host of the module and nothing else: its own logins and one guarded route. */
@Module({})
export class TestHostModule {
  static register(config: MfaConfigOverrides, wiring: Pick<SmsMfaModuleWiring, 'friction'> = {}): DynamicModule {
    return {
      module: TestHostModule,
      imports: [SmsMfaModule.forRoot({ config, userResolver: TestBearerResolver, ...wiring })],
      controllers: [HostRecordsController],
    };
  }
}

/** The HTTP adapter HTTP_ADAPTER names (`npm test` runs the e2e suite under Express, then under Fastify), set up as the library's entries say. */
export function testHttpAdapter(config: Pick<MfaConfig, 'trustProxy'>): ExpressAdapter | FastifyAdapter {
  return process.env.HTTP_ADAPTER === 'fastify' ? mfaFastifyAdapter({ trustProxy: config.trustProxy }) : new ExpressAdapter();
}

/** What a host does around the module (docs/embedding.md): parsers and client IP, one error shape, the drain, and its OpenAPI document. */
export function setUpTestHost(app: INestApplication, config: Pick<MfaConfig, 'trustProxy'>): void {
  app.use(app.get(ShutdownDrain).middleware);
  if (app.getHttpAdapter().getType() === 'fastify') setUpFastify(app);
  else setUpExpress(app, config);
  app.useGlobalFilters(new MfaExceptionFilter(app.get(HttpAdapterHost)));
  SwaggerModule.setup('docs', app, SwaggerModule.createDocument(app, new DocumentBuilder().addBearerAuth().build()));
}
