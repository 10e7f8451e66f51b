import type { CountryVerdictInput } from './country-rules.repository';
export declare function assertCountryAllowed(country: string | undefined, rules: CountryVerdictInput): void;
