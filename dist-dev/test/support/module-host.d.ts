import { INestApplication } from '@nestjs/common';
import { type MfaHttpRequest } from '../../src/common/http-request';
import type { AuthenticatedUser, MfaUserResolver, SmsMfaModuleForRootAsync } from '../../src';
import { FakeClock } from './clock';
export declare class HeaderUserResolver implements MfaUserResolver {
    resolve(request: MfaHttpRequest): AuthenticatedUser | null;
}
export declare function startModuleHost(options: SmsMfaModuleForRootAsync, extraImports?: unknown[]): Promise<{
    app: INestApplication<any>;
    clock: FakeClock;
}>;
