import { AssuranceRow } from '../../assurance/assurance.repository';
import type { AssuranceRaise, StepUpCheck } from '../../assurance/assurance.service';
import { MfaDb, Queryable } from '../../database/mfa-db';
import { Factor, FactorExportRow, FactorRow, FactorsTable } from '../factors-table';
import { type CountryVerdictInput } from '../../phone/country-rules.repository';
export interface SmsFactor extends Factor {
    phoneE164: string;
    country?: string;
}
export interface SendableFactor extends SmsFactor {
    optedOut: boolean;
    fixedLine: boolean;
    countryRules: CountryVerdictInput;
}
export declare class SmsFactorsRepository extends FactorsTable<SmsFactorRow, SmsFactor> {
    constructor(db: MfaDb);
    findSendable(userId: string): Promise<SendableFactor | undefined>;
    markVerifiedReplacingOthers(id: string, userId: string, stepUp: StepUpCheck, raise: AssuranceRaise): Promise<{
        allowed: boolean;
        assurance?: AssuranceRow;
    }>;
    exportFor(userId: string): Promise<SmsFactorExportRow[]>;
    numbersFor(userId: string, query: Queryable): Promise<string[]>;
}
interface SmsFactorRow extends FactorRow {
    phone_e164: string;
    country: string | null;
    fixed_line: boolean;
}
export interface SmsFactorExportRow extends FactorExportRow {
    phoneNumber: string;
    country: string | null;
}
export {};
