import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import type { MfaHttpRequest } from '../common/http-request';
import { MfaError } from '../common/mfa-error';
import type { AuthenticatedUser } from './user-resolver';

/** After MfaAuthGuard: the caller must hold the `admin` role of the host's identity. */
@Injectable()
export class AdminGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    const user = context.switchToHttp().getRequest<MfaHttpRequest & { mfaUser?: AuthenticatedUser }>().mfaUser;
    if (!user?.roles?.includes('admin')) throw new MfaError('FORBIDDEN', 'The admin role is required.');
    return true;
  }
}
