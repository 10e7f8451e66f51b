import { Controller, Delete, Get, HttpCode, UseFilters, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentUser, MfaAuthGuard } from '../auth/mfa-auth.guard';
import type { AuthenticatedUser } from '../auth/user-resolver';
import { MfaExceptionFilter } from '../common/mfa-exception.filter';
import { MfaThrottlerGuard } from '../rate-limit/mfa-throttler.guard';
import { AssuranceService } from './assurance.service';

@ApiTags('mfa: assurance')
@ApiBearerAuth()
@UseGuards(MfaThrottlerGuard, MfaAuthGuard)
@UseFilters(MfaExceptionFilter)
@Controller('mfa/assurance')
export class AssuranceController {
  constructor(private readonly assurance: AssuranceService) {}

  @Get()
  @ApiOkResponse({ description: '{ aal: "aal1"|"aal2", methods, verifiedAt, expiresAt } of this session' })
  get(@CurrentUser() user: AuthenticatedUser) {
    return this.assurance.get(user);
  }

  @Delete()
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'The session is back at aal1 (logout).' })
  async end(@CurrentUser() user: AuthenticatedUser) {
    await this.assurance.end(user);
  }
}
