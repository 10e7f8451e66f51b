import { type ExecutionContext } from '@nestjs/common';
import type { Reflector } from '@nestjs/core';
export declare const MFA_PUBLIC_ROUTE = "sms-mfa:public-route";
export declare const MfaPublicRoute: () => import("@nestjs/common", { with: { "resolution-mode": "import" } }).CustomDecorator<string>;
export declare function isMfaPublicRoute(reflector: Reflector, context: ExecutionContext): boolean;
