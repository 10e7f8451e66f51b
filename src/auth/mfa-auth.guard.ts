import { CanActivate, createParamDecorator, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { header, type MfaHttpRequest } from '../common/http-request';
import { MfaError } from '../common/mfa-error';
import { AuthenticatedUser, MfaUserResolver } from './user-resolver';
import type { RequestContext } from '../common/mfa.types';

type MfaRequest = MfaHttpRequest & { mfaUser?: AuthenticatedUser };

/** Resolves the caller through the host's resolver; none → 401. */
@Injectable()
export class MfaAuthGuard implements CanActivate {
  constructor(@Inject(MfaUserResolver) private readonly resolver: MfaUserResolver) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<MfaRequest>();
    const user = await this.resolver.resolve(request);
    if (!user?.id) throw new MfaError('UNAUTHENTICATED');
    request.mfaUser = user;
    return true;
  }
}

export const CurrentUser = createParamDecorator(
  (_: unknown, ctx: ExecutionContext) => ctx.switchToHttp().getRequest<MfaRequest>().mfaUser!,
);

/** ip (as the HTTP adapter decided with TRUST_PROXY), user agent and preferred language. */
export const ClientContext = createParamDecorator((_: unknown, ctx: ExecutionContext): RequestContext => {
  const request = ctx.switchToHttp().getRequest<MfaHttpRequest>();
  return {
    ip: request.ip,
    userAgent: header(request, 'user-agent')?.slice(0, 200),
    locale: header(request, 'accept-language')?.slice(0, 200),
  };
});
