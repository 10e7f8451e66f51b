import { Clock } from '../common/clock';
import { FraudEventFilter, FraudEventsRepository } from '../fraud/fraud-events.repository';
import { CountryAction, CountryRulesRepository } from '../phone/country-rules.repository';
import { FailureRunsRepository } from '../rate-limit/failure-runs.repository';
export declare class AdminService {
    private readonly countryRules;
    private readonly fraudEvents;
    private readonly failureRuns;
    private readonly clock;
    constructor(countryRules: CountryRulesRepository, fraudEvents: FraudEventsRepository, failureRuns: FailureRunsRepository, clock: Clock);
    listCountryRules(): Promise<import("../phone/country-rules.repository").CountryRule[]>;
    putCountryRule(country: string, action: CountryAction, reason: string | null, by: string): Promise<import("../phone/country-rules.repository").CountryRule>;
    deleteCountryRule(country: string, by: string): Promise<void>;
    listFraudEvents(query: FraudEventFilter): Promise<{
        items: import("../fraud/fraud-events.repository").FraudEvent[];
        nextBefore: string | null;
    }>;
    resetLockouts(userId: string): Promise<void>;
}
