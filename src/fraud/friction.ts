import type { RequestContext } from '../common/mfa.types';

/**
 * The host's friction step (a CAPTCHA, a proof of work): what a person
 * passes and a pumping bot does not, asked of an unproven requester before a
 * send to a destination the module does not yet trust (FRICTION_REQUIRED).
 * The client solves it and repeats the request with `frictionProof`.
 */
export interface MfaFrictionVerifier {
  /** Whether `proof` (the body's frictionProof) passes the host's step for this request. */
  verify(proof: string, context: RequestContext & { userId: string }): boolean | Promise<boolean>;
}

/** The host's MfaFrictionVerifier (SmsMfaModuleWiring.friction), or null when it gives none. */
export const MFA_FRICTION = Symbol('MFA_FRICTION');
