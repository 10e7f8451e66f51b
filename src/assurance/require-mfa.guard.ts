import {
  applyDecorators,
  CallHandler,
  CanActivate,
  ExecutionContext,
  Inject,
  Injectable,
  NestInterceptor,
  SetMetadata,
  UseInterceptors,
} from '@nestjs/common';
import type { Observable } from 'rxjs';
import { Reflector } from '@nestjs/core';
import type { MfaHttpRequest } from '../common/http-request';
import { MfaAuthGuard } from '../auth/mfa-auth.guard';
import type { AuthenticatedUser } from '../auth/user-resolver';
import { Clock } from '../common/clock';
import { MfaError } from '../common/mfa-error';
import { ASSURANCE_CONFIG, type AssuranceConfig } from './assurance.config';
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
      this.reflector.getAllAndOverride<RequireMfaOptions>(REQUIRE_MFA, [context.getHandler(), context.getClass()]) ??
      {};
    await assertMfa(context, this.assurance, options.maxAgeMinutes, this.clock.now());
    return true;
  }
}

/**
 * Admin routes (country rules, fraud events, lockout resets, GDPR export and
 * erasure) act on other people's accounts: the operator's own session must be
 * at aal2, verified within ADMIN_MAX_AGE_MINUTES (MFA_ADMIN_REQUIRES_MFA, on
 * by default), so a phished admin password alone changes nothing.
 */
@Injectable()
export class AdminMfaGuard implements CanActivate {
  constructor(
    private readonly assurance: AssuranceService,
    @Inject(ASSURANCE_CONFIG) private readonly config: AssuranceConfig,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (this.config.adminRequiresMfa) await assertMfa(context, this.assurance, ADMIN_MAX_AGE_MINUTES, this.clock.now());
    return true;
  }
}

const ADMIN_MAX_AGE_MINUTES = 30;

/** MFA_REQUIRED unless the caller's session is at aal2, verified within `maxAgeMinutes` when given. */
async function assertMfa(
  context: ExecutionContext,
  assurance: AssuranceService,
  maxAgeMinutes: number | undefined,
  now: Date,
) {
  const user = context.switchToHttp().getRequest<MfaHttpRequest & { mfaUser?: AuthenticatedUser }>().mfaUser;
  if (!user) throw new MfaError('UNAUTHENTICATED');
  const state = await assurance.get(user);
  const fresh =
    maxAgeMinutes === undefined ||
    (state.verifiedAt !== null && now.getTime() - state.verifiedAt.getTime() <= maxAgeMinutes * 60_000);
  if (state.aal !== 'aal2' || !fresh) throw await assurance.mfaRequired(user);
}

/**
 * What `@RequireMfa()` applies: the caller check and the assurance check of the
 * two guards, run as an interceptor, after every guard of the route. The
 * host's own authentication guard has then set its user, in whichever order
 * the decorators are written.
 */
@Injectable()
export class RequireMfaInterceptor implements NestInterceptor {
  constructor(
    private readonly caller: MfaAuthGuard,
    private readonly mfa: RequireMfaGuard,
  ) {}

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    await this.caller.canActivate(context);
    await this.mfa.canActivate(context);
    return next.handle();
  }
}

/**
 * Guards a host route: the caller (resolved by the module's MfaUserResolver,
 * 401 without one) must be in a session at aal2, else 403 MFA_REQUIRED. It
 * runs after the route's guards, so `@UseGuards(HostAuthGuard)` may stand
 * above or below it.
 *
 * @example
 *   @Get('records') @RequireMfa({ maxAgeMinutes: 30 }) records() { … }
 */
export function RequireMfa(options: RequireMfaOptions = {}) {
  return applyDecorators(SetMetadata(REQUIRE_MFA, options), UseInterceptors(RequireMfaInterceptor));
}
