import type { MfaHttpRequest } from '../common/http-request';
import type { MfaUser } from '../mfa/mfa.types';
export interface AuthenticatedUser extends MfaUser {
    roles?: string[];
}
export interface MfaUserResolver {
    resolve(request: MfaHttpRequest): Promise<AuthenticatedUser | null> | AuthenticatedUser | null;
}
export declare const MfaUserResolver: unique symbol;
