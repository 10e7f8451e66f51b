import { Injectable } from '@nestjs/common';
import type { MfaHttpRequest } from '../common/http-request';
import { AuthenticatedUser, MfaUserResolver } from './user-resolver';

/**
 * Default resolver: the user that the host's own authentication (Passport and
 * friends) put on `request.user`, read as `{ id | sub, roles?, sessionId | sid? }`.
 */
@Injectable()
export class RequestUserResolver implements MfaUserResolver {
  resolve(request: MfaHttpRequest): AuthenticatedUser | null {
    const user = (request as MfaHttpRequest & { user?: Record<string, unknown> }).user;
    const id = user?.id ?? user?.sub;
    if (typeof id !== 'string' && typeof id !== 'number') return null;
    const roles = Array.isArray(user?.roles) ? user.roles.filter((r): r is string => typeof r === 'string') : [];
    const session = user?.sessionId ?? user?.sid;
    return { id: String(id), roles, sessionId: typeof session === 'string' && session ? session : undefined };
  }
}
