import type { MfaHttpRequest } from '../common/http-request';
import { AuthenticatedUser, MfaUserResolver } from './user-resolver';
export declare class RequestUserResolver implements MfaUserResolver {
    resolve(request: MfaHttpRequest): AuthenticatedUser | null;
}
