import { timingSafeEqual } from 'node:crypto';
import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { header, type MfaHttpRequest } from '../common/http-request';
import { MfaError } from '../common/mfa-error';
import { OPS_CONFIG, type OpsConfig } from './ops.config';

/**
 * /metrics and the detailed /health are for operators: a live dashboard of
 * providers and circuits would serve an attacker too. They answer on the
 * internal OPS_PORT listener, or with `Authorization: Bearer <OPS_TOKEN>`;
 * elsewhere they are 404. Outside production, with neither set, they are open.
 */
@Injectable()
export class OpsAccessGuard implements CanActivate {
  private readonly token?: Buffer;

  constructor(@Inject(OPS_CONFIG) private readonly config: OpsConfig) {
    this.token = config.opsToken ? Buffer.from(`Bearer ${config.opsToken}`) : undefined;
  }

  canActivate(context: ExecutionContext): boolean {
    const { opsPort, production } = this.config;
    if (!production && !opsPort && !this.token) return true;
    const request = context.switchToHttp().getRequest<MfaHttpRequest>();
    if (opsPort && request.socket.localPort === opsPort) return true;
    const given = Buffer.from(header(request, 'authorization') ?? '');
    if (this.token && given.length === this.token.length && timingSafeEqual(given, this.token)) return true;
    throw new MfaError('NOT_FOUND');
  }
}
