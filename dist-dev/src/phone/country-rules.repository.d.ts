import { MfaDb } from '../database/mfa-db';
export type CountryAction = 'allow' | 'block';
export interface CountryRule {
    country: string;
    action: CountryAction;
    reason: string | null;
    updatedAt: Date;
    updatedBy: string;
}
export interface CountryVerdictInput {
    action?: CountryAction;
    allowListActive: boolean;
}
export declare const countryVerdictSql: (country: string) => string;
export interface CountryVerdictRow {
    country_action: CountryAction | null;
    allow_list: boolean;
}
export declare function toCountryVerdict(row: CountryVerdictRow): CountryVerdictInput;
export declare class CountryRulesRepository {
    private readonly db;
    constructor(db: MfaDb);
    list(): Promise<CountryRule[]>;
    verdictInput(country: string | undefined): Promise<CountryVerdictInput>;
    put(country: string, action: CountryAction, reason: string | null, by: string, now: Date): Promise<CountryRule>;
    delete(country: string, by: string, now: Date): Promise<boolean>;
    seed(allowed: string[], blocked: string[], now: Date): Promise<void>;
}
