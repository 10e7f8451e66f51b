import { createHash, createHmac, randomUUID, timingSafeEqual } from 'node:crypto';
import {
  Body,
  CanActivate,
  Controller,
  ExecutionContext,
  HttpCode,
  Inject,
  Injectable,
  Post,
  SetMetadata,
  UnauthorizedException,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { isMfaPublicRoute } from '@haven-health/nest-sms-mfa';

/** The host's own secret for its session tokens (not the module's). */
export const HOST_SESSION_SECRET = Symbol('HOST_SESSION_SECRET');

/** What the host's guard leaves on `request.user`: the shape the module reads by default. */
export interface HostUser {
  id: string;
  sessionId: string;
  roles: string[];
}

/** The host's user directory: two accounts, one of them an operator. Passwords are kept as SHA-256 here for brevity. */
const USERS: Record<string, { passwordSha256: Buffer; roles: string[] }> = {
  alice: { passwordSha256: sha256('alice-password'), roles: [] },
  ada: { passwordSha256: sha256('ada-password'), roles: ['admin'] },
};

function sha256(text: string): Buffer {
  return createHash('sha256').update(text).digest();
}

/** Signed, expiring session tokens: `<payload>.<hmac>`, each login a new session id. */
@Injectable()
export class SessionTokens {
  constructor(@Inject(HOST_SESSION_SECRET) private readonly secret: string) {}

  login(username: string, password: string): string | null {
    const user = Object.hasOwn(USERS, username) ? USERS[username] : undefined;
    if (!user || !timingSafeEqual(user.passwordSha256, sha256(password))) return null;
    const payload = Buffer.from(
      JSON.stringify({ sub: username, sid: randomUUID(), roles: user.roles, exp: Date.now() + 3_600_000 }),
    ).toString('base64url');
    return `${payload}.${this.sign(payload)}`;
  }

  read(token: string | undefined): HostUser | null {
    const [payload, signature, extra] = token?.split('.') ?? [];
    if (!payload || !signature || extra !== undefined) return null;
    const expected = Buffer.from(this.sign(payload));
    const given = Buffer.from(signature);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as { sub: string; sid: string; roles: string[]; exp: number };
    return claims.exp > Date.now() ? { id: claims.sub, sessionId: claims.sid, roles: claims.roles } : null;
  }

  private sign(payload: string): string {
    return createHmac('sha256', this.secret).update(payload).digest('base64url');
  }
}

const HOST_PUBLIC = 'host:public';
/** The host's own marker for its routes that need no login. */
export const Public = () => SetMetadata(HOST_PUBLIC, true);

/**
 * The host's global guard: every route needs a session token, except the
 * host's public routes and the module's (its provider webhooks and probes,
 * which carry their own checks).
 */
@Injectable()
export class HostAuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: SessionTokens,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(HOST_PUBLIC, targets) || isMfaPublicRoute(this.reflector, context)) return true;
    const request = context.switchToHttp().getRequest<{ headers: Record<string, string | undefined>; user?: HostUser }>();
    const user = this.tokens.read(request.headers.authorization?.replace(/^Bearer /, ''));
    if (!user) throw new UnauthorizedException();
    request.user = user;
    return true;
  }
}

@Controller('login')
export class LoginController {
  constructor(private readonly tokens: SessionTokens) {}

  @Post()
  @Public()
  @HttpCode(200)
  login(@Body() body: { username?: unknown; password?: unknown }): { token: string } {
    const token =
      typeof body?.username === 'string' && typeof body.password === 'string' ? this.tokens.login(body.username, body.password) : null;
    if (!token) throw new UnauthorizedException();
    return { token };
  }
}
