export declare class CountryRuleDto {
    action: 'allow' | 'block';
    reason?: string;
}
export declare class FraudEventsQuery {
    rule?: string;
    country?: string;
    from?: Date;
    to?: Date;
    before?: string;
    limit?: number;
}
