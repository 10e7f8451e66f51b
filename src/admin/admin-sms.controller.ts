import { Body, Controller, Delete, Get, HttpCode, Inject, Param, Put, Query, UseFilters, UseGuards, UsePipes } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { isSupportedCountry } from 'libphonenumber-js/max';
import { AdminMfaGuard } from '../assurance/require-mfa.guard';
import { AdminGuard } from '../auth/admin.guard';
import { CurrentUser, MfaAuthGuard } from '../auth/mfa-auth.guard';
import type { AuthenticatedUser } from '../auth/user-resolver';
import { Clock } from '../common/clock';
import { MfaError } from '../common/mfa-error';
import { MfaExceptionFilter } from '../common/mfa-exception.filter';
import { createValidationPipe } from '../common/validation';
import { FraudEventsRepository } from '../fraud/fraud-events.repository';
import { FailureRunsRepository } from '../rate-limit/failure-runs.repository';
import { CountryRulesRepository } from '../phone/country-rules.repository';
import { MfaThrottlerGuard } from '../rate-limit/mfa-throttler.guard';
import { CountryRuleDto, FraudEventsQuery } from './dto';

/** ISO 3166-1 alpha-2, any case, of a region that has phone numbers. */
function countryParam(raw: string): string {
  const country = raw.toUpperCase();
  if (!/^[A-Z]{2}$/.test(country) || !isSupportedCountry(country)) {
    throw new MfaError('VALIDATION_FAILED', 'country must be an ISO 3166-1 alpha-2 code');
  }
  return country;
}

@ApiTags('admin')
@ApiBearerAuth()
@UseGuards(MfaThrottlerGuard, MfaAuthGuard, AdminGuard, AdminMfaGuard)
@UseFilters(MfaExceptionFilter)
@UsePipes(createValidationPipe())
@Controller('admin/sms')
export class AdminSmsController {
  constructor(
    private readonly countryRules: CountryRulesRepository,
    private readonly fraudEvents: FraudEventsRepository,
    private readonly failureRuns: FailureRunsRepository,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  @Get('country-rules')
  listCountryRules() {
    return this.countryRules.list();
  }

  /** Applies to the next send on every instance: sends read the rules from the database. */
  @Put('country-rules/:country')
  putCountryRule(@Param('country') country: string, @Body() body: CountryRuleDto, @CurrentUser() admin: AuthenticatedUser) {
    return this.countryRules.put(countryParam(country), body.action, body.reason ?? null, admin.id, this.clock.now());
  }

  @Delete('country-rules/:country')
  @HttpCode(204)
  async deleteCountryRule(@Param('country') country: string, @CurrentUser() admin: AuthenticatedUser) {
    if (!(await this.countryRules.delete(countryParam(country), admin.id, this.clock.now()))) {
      throw new MfaError('NOT_FOUND', 'No rule for this country.');
    }
  }

  @Get('fraud-events')
  async listFraudEvents(@Query() q: FraudEventsQuery) {
    const limit = q.limit ?? 50;
    const items = await this.fraudEvents.list({ ...q, country: q.country?.toUpperCase(), limit });
    return { items, nextBefore: items.length === limit ? items[items.length - 1].id : null };
  }

  /** Support action: ends a user's verification lockouts (their runs of wrong SMS, recovery and TOTP codes). */
  @Delete('verify-lockouts/:userId')
  @HttpCode(204)
  async resetVerifyLockout(@Param('userId') userId: string) {
    await this.failureRuns.reset(userId.slice(0, 200));
  }
}
