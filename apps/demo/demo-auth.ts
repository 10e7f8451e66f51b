import { createHash, createSecretKey, KeyObject, randomBytes, randomUUID } from 'node:crypto';
import { DynamicModule, Inject, Injectable, Module } from '@nestjs/common';
import * as jwt from 'jsonwebtoken';
import { header } from '../../src/common/http-request';
import type { AuthenticatedUser, MfaHttpRequest, MfaUserResolver } from '../../src';
import type { DemoConfig } from './demo.config';

export const DEMO_CONFIG = Symbol('DEMO_CONFIG');

/**
 * The demo host's authentication: HS256 bearer JWTs signed with AUTH_JWT_SECRET
 * (claims `sub`, optional `roles`, and `sid` naming the login session; `exp`
 * required, at most AUTH_JWT_MAX_LIFETIME_MINUTES ahead; `iss` / `aud` checked
 * when AUTH_JWT_ISSUER / AUTH_JWT_AUDIENCE are set). In
 * development without a secret, one is generated so that a newcomer gets a
 * ready token at start-up. The session is `sid`, else `jti`, else a SHA-256 of
 * the token itself.
 */
@Injectable()
export class DemoAuth {
  readonly generatedSecret: boolean;
  /** Imported once: jsonwebtoken would otherwise re-import a string secret on every verify. */
  private readonly key: KeyObject;

  // AUTH_JWT_SECRET is required in production (loadDemoConfig refuses to start without it).
  constructor(@Inject(DEMO_CONFIG) private readonly config: DemoConfig) {
    this.generatedSecret = !config.authJwtSecret;
    this.key = createSecretKey(Buffer.from(config.authJwtSecret ?? randomBytes(32).toString('base64url')));
  }

  /** A token for a new login session (a fresh `sid`), or for a given one; with AUTH_JWT_ISSUER / _AUDIENCE when set. */
  issueToken(sub: string, roles: string[] = [], expiresInSeconds = 12 * 3600, sid: string = randomUUID()): string {
    const { authJwtIssuer: issuer, authJwtAudience: audience, authJwtMaxLifetimeMinutes } = this.config;
    return jwt.sign({ sub, roles, sid }, this.key, {
      algorithm: 'HS256',
      expiresIn: Math.min(expiresInSeconds, authJwtMaxLifetimeMinutes * 60),
      ...(issuer && { issuer }),
      ...(audience && { audience }),
    });
  }

  verify(token: string): AuthenticatedUser | null {
    try {
      const { authJwtIssuer: issuer, authJwtAudience: audience, authJwtMaxLifetimeMinutes } = this.config;
      const claims = jwt.verify(token, this.key, {
        algorithms: ['HS256'],
        ...(issuer && { issuer }),
        ...(audience && { audience }),
      }) as { sub?: unknown; roles?: unknown; sid?: unknown; jti?: unknown; exp?: unknown };
      if (typeof claims.sub !== 'string' || !claims.sub || claims.sub.length > 200) return null;
      // A token must expire, and not too far ahead: a stolen never-expiring token is a permanent login.
      if (typeof claims.exp !== 'number' || claims.exp * 1000 - Date.now() > authJwtMaxLifetimeMinutes * 60_000) return null;
      const roles = Array.isArray(claims.roles) ? claims.roles.filter((r): r is string => typeof r === 'string') : [];
      return { id: claims.sub, roles, sessionId: sessionOf(claims, token) };
    } catch {
      return null;
    }
  }
}

/** `sid`, else `jti`, else the token's own hash: a token that names no session is a session of its own. */
function sessionOf(claims: { sid?: unknown; jti?: unknown }, token: string): string {
  for (const claim of [claims.sid, claims.jti]) {
    if (typeof claim === 'string' && claim.length > 0 && claim.length <= 200) return claim;
  }
  return createHash('sha256').update(token).digest('base64url');
}

@Injectable()
export class JwtUserResolver implements MfaUserResolver {
  constructor(private readonly auth: DemoAuth) {}

  resolve(request: MfaHttpRequest): AuthenticatedUser | null {
    const match = header(request, 'authorization')?.match(/^Bearer\s+([A-Za-z0-9_.-]{10,4096})$/);
    return match ? this.auth.verify(match[1]) : null;
  }
}

@Module({})
export class DemoAuthModule {
  static register(config: DemoConfig): DynamicModule {
    return {
      module: DemoAuthModule,
      providers: [{ provide: DEMO_CONFIG, useValue: config }, DemoAuth, JwtUserResolver],
      exports: [DemoAuth, JwtUserResolver],
    };
  }
}
