import { Controller, Delete, Get, Param, UseFilters, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { AdminMfaGuard } from '../assurance/require-mfa.guard';
import { AdminGuard } from '../auth/admin.guard';
import { MfaAuthGuard } from '../auth/mfa-auth.guard';
import { MfaError } from '../common/mfa-error';
import { MfaExceptionFilter } from '../common/mfa-exception.filter';
import { DataRightsService } from './data-rights.service';
import { MfaThrottlerGuard } from '../rate-limit/mfa-throttler.guard';

function userIdParam(raw: string): string {
  if (!raw || raw.length > 200) throw new MfaError('VALIDATION_FAILED', 'userId must be 1 to 200 characters');
  return raw;
}

/** GDPR data rights, for the operator acting on a data subject's request. */
@ApiTags('admin')
@ApiBearerAuth()
@UseGuards(MfaThrottlerGuard, MfaAuthGuard, AdminGuard, AdminMfaGuard)
@UseFilters(MfaExceptionFilter)
@Controller('admin/users/:userId/data')
export class DataRightsController {
  constructor(private readonly dataRights: DataRightsService) {}

  @Get()
  export(@Param('userId') userId: string) {
    return this.dataRights.export(userIdParam(userId));
  }

  @Delete()
  erase(@Param('userId') userId: string) {
    return this.dataRights.erase(userIdParam(userId));
  }
}
