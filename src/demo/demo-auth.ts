import { createSecretKey, KeyObject, randomBytes } from 'node:crypto';
import { Inject, Injectable, Module } from '@nestjs/common';
import * as jwt from 'jsonwebtoken';
import type { Request } from 'express';
import { ConfigError, MFA_CONFIG, type MfaConfig } from '../config/mfa-config';
import { AuthenticatedUser, MfaUserResolver } from '../auth/user-resolver';

/**
 * The demo host's authentication: HS256 bearer JWTs signed with AUTH_JWT_SECRET
 * (claims `sub`, optional `roles`). In development without a secret, one is
 * generated so that a newcomer gets a ready token at start-up.
 */
@Injectable()
export class DemoAuth {
  readonly generatedSecret: boolean;
  /** Imported once: jsonwebtoken would otherwise re-import a string secret on every verify. */
  private readonly key: KeyObject;

  constructor(@Inject(MFA_CONFIG) config: MfaConfig) {
    if (!config.authJwtSecret && config.production) {
      throw new ConfigError(['AUTH_JWT_SECRET must be set when NODE_ENV=production']);
    }
    this.generatedSecret = !config.authJwtSecret;
    this.key = createSecretKey(Buffer.from(config.authJwtSecret ?? randomBytes(32).toString('base64url')));
  }

  issueToken(sub: string, roles: string[] = [], expiresInSeconds = 12 * 3600): string {
    return jwt.sign({ sub, roles }, this.key, { algorithm: 'HS256', expiresIn: expiresInSeconds });
  }

  verify(token: string): AuthenticatedUser | null {
    try {
      const claims = jwt.verify(token, this.key, { algorithms: ['HS256'] }) as { sub?: unknown; roles?: unknown };
      if (typeof claims.sub !== 'string' || !claims.sub || claims.sub.length > 200) return null;
      const roles = Array.isArray(claims.roles) ? claims.roles.filter((r): r is string => typeof r === 'string') : [];
      return { id: claims.sub, roles };
    } catch {
      return null;
    }
  }
}

@Injectable()
export class JwtUserResolver implements MfaUserResolver {
  constructor(private readonly auth: DemoAuth) {}

  resolve(request: Request): AuthenticatedUser | null {
    const header = request.get('authorization');
    const match = header?.match(/^Bearer\s+([A-Za-z0-9_.-]{10,4096})$/);
    return match ? this.auth.verify(match[1]) : null;
  }
}

@Module({ providers: [DemoAuth, JwtUserResolver], exports: [DemoAuth, JwtUserResolver] })
export class DemoAuthModule {}
