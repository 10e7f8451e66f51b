import { type SmsConfig } from '../sms.config';
export type PriceTable = Record<string, Record<string, number>>;
export declare function parsePriceTable(raw: string, source: string): PriceTable;
export declare class PriceBook {
    private readonly table;
    private readonly fallback;
    constructor(config: SmsConfig);
    price(provider: string, country: string | undefined): number;
    lists(country: string | undefined): boolean;
    estimate(provider: string, country: string | undefined, segments: number): number;
    worstCase(providers: string[], country: string | undefined, segments: number): number;
}
