import { OnApplicationBootstrap } from '@nestjs/common';
import { Clock } from '../common/clock';
import { type PhoneConfig } from './phone.config';
import { CountryRulesRepository } from './country-rules.repository';
export declare class CountryRulesSeeder implements OnApplicationBootstrap {
    private readonly rules;
    private readonly config;
    private readonly clock;
    constructor(rules: CountryRulesRepository, config: PhoneConfig, clock: Clock);
    onApplicationBootstrap(): Promise<void>;
}
export declare class PhoneModule {
}
