import { Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, UseFilters, UseGuards, UsePipes } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentUser, MfaAuthGuard } from '../auth/mfa-auth.guard';
import type { AuthenticatedUser } from '../auth/user-resolver';
import { MfaExceptionFilter } from '../common/mfa-exception.filter';
import { createValidationPipe } from '../common/validation';
import { MfaThrottlerGuard } from '../rate-limit/mfa-throttler.guard';
import { MfaService } from './mfa.service';

@ApiTags('mfa: factors')
@ApiBearerAuth()
@UseGuards(MfaThrottlerGuard, MfaAuthGuard)
@UseFilters(MfaExceptionFilter)
@UsePipes(createValidationPipe())
@Controller('mfa/factors')
export class MfaFactorsController {
  constructor(private readonly mfa: MfaService) {}

  @Get()
  @ApiOkResponse({ description: '[{ id, type: "totp"|"sms"|"recovery_codes", maskedPhone?, verified?, remaining?, createdAt, lastUsedAt? }]' })
  list(@CurrentUser() user: AuthenticatedUser) {
    return this.mfa.listFactors(user.id);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Removed; 403 STEP_UP_REQUIRED without a recent second factor in this session.' })
  async remove(@CurrentUser() user: AuthenticatedUser, @Param('id', new ParseUUIDPipe()) id: string) {
    await this.mfa.deleteFactor(user, id);
  }
}
