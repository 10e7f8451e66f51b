import { SetMetadata, type ExecutionContext } from '@nestjs/common';
import type { Reflector } from '@nestjs/core';

/**
 * The metadata the module sets on its routes that carry no user: provider
 * webhooks (each with its own signature guard) and the health and metrics
 * probes (the ops guard). A host's global authentication guard lets them
 * through with `isMfaPublicRoute(reflector, context)`; otherwise delivery
 * reports and STOP messages would answer 401 and be lost.
 */
export const MFA_PUBLIC_ROUTE = 'sms-mfa:public-route';

export const MfaPublicRoute = () => SetMetadata(MFA_PUBLIC_ROUTE, true);

/** Whether the handler or controller of `context` is one of the module's public routes. */
export function isMfaPublicRoute(reflector: Reflector, context: ExecutionContext): boolean {
  return reflector.getAllAndOverride<boolean>(MFA_PUBLIC_ROUTE, [context.getHandler(), context.getClass()]) === true;
}
