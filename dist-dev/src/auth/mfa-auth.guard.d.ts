import { CanActivate, ExecutionContext } from '@nestjs/common';
import { MfaUserResolver } from './user-resolver';
export declare class MfaAuthGuard implements CanActivate {
    private readonly resolver;
    constructor(resolver: MfaUserResolver);
    canActivate(context: ExecutionContext): Promise<boolean>;
}
export declare const CurrentUser: (...dataOrPipes: unknown[]) => ParameterDecorator;
export declare const ClientContext: (...dataOrPipes: unknown[]) => ParameterDecorator;
