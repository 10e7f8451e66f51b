import { type MfaHttpRequest } from '../common/http-request';
import { type MfaConfig } from '../config/mfa-config';
import { AuthenticatedUser, MfaUserResolver } from '../auth/user-resolver';
export declare class DemoAuth {
    private readonly config;
    readonly generatedSecret: boolean;
    private readonly key;
    constructor(config: MfaConfig);
    issueToken(sub: string, roles?: string[], expiresInSeconds?: number, sid?: string): string;
    verify(token: string): AuthenticatedUser | null;
}
export declare class JwtUserResolver implements MfaUserResolver {
    private readonly auth;
    constructor(auth: DemoAuth);
    resolve(request: MfaHttpRequest): AuthenticatedUser | null;
}
export declare class DemoAuthModule {
}
