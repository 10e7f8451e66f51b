import type { AuthenticatedUser } from '../auth/user-resolver';
import { AdminService } from './admin.service';
import { CountryRuleDto, FraudEventsQuery } from './dto';
export declare class AdminSmsController {
    private readonly admin;
    constructor(admin: AdminService);
    listCountryRules(): Promise<import("../phone/country-rules.repository").CountryRule[]>;
    putCountryRule(country: string, body: CountryRuleDto, admin: AuthenticatedUser): Promise<import("../phone/country-rules.repository").CountryRule>;
    deleteCountryRule(country: string, admin: AuthenticatedUser): Promise<void>;
    listFraudEvents(q: FraudEventsQuery): Promise<{
        items: import("../fraud/fraud-events.repository").FraudEvent[];
        nextBefore: string | null;
    }>;
    resetVerifyLockout(userId: string): Promise<void>;
}
