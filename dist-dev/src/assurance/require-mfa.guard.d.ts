import { CallHandler, CanActivate, ExecutionContext, NestInterceptor } from '@nestjs/common';
import type { Observable } from 'rxjs';
import { Reflector } from '@nestjs/core';
import { MfaAuthGuard } from '../auth/mfa-auth.guard';
import { Clock } from '../common/clock';
import { type AssuranceConfig } from './assurance.config';
import { AssuranceService } from './assurance.service';
export interface RequireMfaOptions {
    maxAgeMinutes?: number;
}
export declare class RequireMfaGuard implements CanActivate {
    private readonly assurance;
    private readonly reflector;
    private readonly clock;
    constructor(assurance: AssuranceService, reflector: Reflector, clock: Clock);
    canActivate(context: ExecutionContext): Promise<boolean>;
}
export declare class AdminMfaGuard implements CanActivate {
    private readonly assurance;
    private readonly config;
    private readonly clock;
    constructor(assurance: AssuranceService, config: AssuranceConfig, clock: Clock);
    canActivate(context: ExecutionContext): Promise<boolean>;
}
export declare class RequireMfaInterceptor implements NestInterceptor {
    private readonly caller;
    private readonly mfa;
    constructor(caller: MfaAuthGuard, mfa: RequireMfaGuard);
    intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>>;
}
export declare function RequireMfa(options?: RequireMfaOptions): <TFunction extends Function, Y>(target: TFunction | object, propertyKey?: string | symbol, descriptor?: TypedPropertyDescriptor<Y>) => void;
