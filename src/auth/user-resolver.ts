import type { MfaHttpRequest } from '../common/http-request';
import type { MfaUser } from '../common/mfa.types';

export interface AuthenticatedUser extends MfaUser {
  roles?: string[];
}

/**
 * The identity seam: how the host tells the module who is calling. The demo
 * host reads a bearer JWT; a real host plugs its own session here.
 */
export interface MfaUserResolver {
  resolve(request: MfaHttpRequest): Promise<AuthenticatedUser | null> | AuthenticatedUser | null;
}
export const MfaUserResolver = Symbol('MfaUserResolver');
