import { Body, Controller, Delete, Get, HttpCode, Param, Put, Query, UseFilters, UseGuards, UsePipes } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { isSupportedCountry } from 'libphonenumber-js/max';
import { AdminMfaGuard } from '../assurance/require-mfa.guard';
import { AdminGuard } from '../auth/admin.guard';
import { CurrentUser, MfaAuthGuard } from '../auth/mfa-auth.guard';
import type { AuthenticatedUser } from '../auth/user-resolver';
import { MfaError } from '../common/mfa-error';
import { MfaExceptionFilter } from '../common/mfa-exception.filter';
import { createValidationPipe } from '../common/validation';
import { MfaThrottlerGuard } from '../rate-limit/mfa-throttler.guard';
import { AdminService } from './admin.service';
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
  constructor(private readonly admin: AdminService) {}

  @Get('country-rules')
  listCountryRules() {
    return this.admin.listCountryRules();
  }

  /** Applies to the next send on every instance. */
  @Put('country-rules/:country')
  putCountryRule(@Param('country') country: string, @Body() body: CountryRuleDto, @CurrentUser() admin: AuthenticatedUser) {
    return this.admin.putCountryRule(countryParam(country), body.action, body.reason ?? null, admin.id);
  }

  @Delete('country-rules/:country')
  @HttpCode(204)
  async deleteCountryRule(@Param('country') country: string, @CurrentUser() admin: AuthenticatedUser) {
    await this.admin.deleteCountryRule(countryParam(country), admin.id);
  }

  @Get('fraud-events')
  listFraudEvents(@Query() q: FraudEventsQuery) {
    return this.admin.listFraudEvents({ ...q, country: q.country?.toUpperCase(), limit: q.limit ?? 50 });
  }

  /** Support action: ends a user's verification lockouts (their runs of wrong SMS, recovery and TOTP codes). */
  @Delete('verify-lockouts/:userId')
  @HttpCode(204)
  async resetVerifyLockout(@Param('userId') userId: string) {
    await this.admin.resetLockouts(userId.slice(0, 200));
  }
}
