import type { AuthenticatedUser } from '../auth/user-resolver';
import { AssuranceService } from './assurance.service';
export declare class AssuranceController {
    private readonly assurance;
    constructor(assurance: AssuranceService);
    get(user: AuthenticatedUser): Promise<import("./assurance.service").AssuranceView>;
    end(user: AuthenticatedUser): Promise<void>;
}
