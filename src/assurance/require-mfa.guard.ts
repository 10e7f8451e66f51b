import { applyDecorators, CanActivate, ExecutionContext, Inject, Injectable, SetMetadata, UseGuards } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { MfaAuthGuard } from '../auth/mfa-auth.guard';
import type { AuthenticatedUser } from '../auth/user-resolver';
import { Clock } from '../common/clock';
import { MfaError } from '../common/mfa-error';
import { AssuranceService } from './assurance.service';

export interface RequireMfaOptions {
  /** The second factor must have been shown within this many minutes (default: while the session is at aal2). */
  maxAgeMinutes?: number;
}

const REQUIRE_MFA = Symbol('RequireMfa');

/** After MfaAuthGuard: 403 MFA_REQUIRED unless the caller's session is at aal2 (recently enough). */
@Injectable()
export class RequireMfaGuard implements CanActivate {
  constructor(
    private readonly assurance: AssuranceService,
    private readonly reflector: Reflector,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const options =
      this.reflector.getAllAndOverride<RequireMfaOptions>(REQUIRE_MFA, [context.getHandler(), context.getClass()]) ?? {};
    const user = context.switchToHttp().getRequest<Request & { mfaUser?: AuthenticatedUser }>().mfaUser;
    if (!user) throw new MfaError('UNAUTHENTICATED');
    const state = await this.assurance.get(user);
    const fresh =
      options.maxAgeMinutes === undefined ||
      (state.verifiedAt !== null && this.clock.now().getTime() - state.verifiedAt.getTime() <= options.maxAgeMinutes * 60_000);
    if (state.aal !== 'aal2' || !fresh) throw new MfaError('MFA_REQUIRED', undefined, { methods: state.methods });
    return true;
  }
}

/**
 * Guards a host route: the caller (resolved by the module's MfaUserResolver,
 * 401 without one) must be in a session at aal2, else 403 MFA_REQUIRED.
 *
 * @example
 *   @Get('records') @RequireMfa({ maxAgeMinutes: 30 }) records() { … }
 */
export function RequireMfa(options: RequireMfaOptions = {}) {
  return applyDecorators(SetMetadata(REQUIRE_MFA, options), UseGuards(MfaAuthGuard, RequireMfaGuard));
}
