import type { AuthenticatedUser } from '../auth/user-resolver';
import { MfaService } from './mfa.service';
export declare class MfaFactorsController {
    private readonly mfa;
    constructor(mfa: MfaService);
    list(user: AuthenticatedUser): Promise<import("./mfa.types").FactorView[]>;
    remove(user: AuthenticatedUser, id: string): Promise<void>;
}
