import { CanActivate, ExecutionContext } from '@nestjs/common';
import { type OpsConfig } from './ops.config';
export declare class OpsAccessGuard implements CanActivate {
    private readonly config;
    private readonly token?;
    constructor(config: OpsConfig);
    canActivate(context: ExecutionContext): boolean;
}
