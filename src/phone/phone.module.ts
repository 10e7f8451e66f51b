import { Inject, Injectable, Module, OnApplicationBootstrap } from '@nestjs/common';
import { configSlice } from '../config/settings';
import { Clock } from '../common/clock';
import { PHONE_CONFIG, PHONE_CONFIG_KEYS, type PhoneConfig } from './phone.config';
import { MfaDbModule } from '../database/mfa-db.module';
import { CountryRulesRepository } from './country-rules.repository';

/** Seeds the country rules from SMS_ALLOWED_COUNTRIES / SMS_BLOCKED_COUNTRIES once the schema is there. */
@Injectable()
export class CountryRulesSeeder implements OnApplicationBootstrap {
  constructor(
    private readonly rules: CountryRulesRepository,
    @Inject(PHONE_CONFIG) private readonly config: PhoneConfig,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.rules.seed(this.config.allowedCountries, this.config.blockedCountries, this.clock.now());
  }
}

/** Country rules (numbers themselves are parsed by pure functions of this folder). */
@Module({
  imports: [MfaDbModule],
  providers: [configSlice(PHONE_CONFIG, PHONE_CONFIG_KEYS), CountryRulesRepository, CountryRulesSeeder],
  exports: [CountryRulesRepository],
})
export class PhoneModule {}
