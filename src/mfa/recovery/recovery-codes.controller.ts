import { Body, Controller, HttpCode, Post, UseFilters, UseGuards, UsePipes } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiDefaultResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ClientContext, CurrentUser, MfaAuthGuard } from '../../auth/mfa-auth.guard';
import type { AuthenticatedUser } from '../../auth/user-resolver';
import { MfaExceptionFilter } from '../../common/mfa-exception.filter';
import { createValidationPipe } from '../../common/validation';
import { MfaThrottlerGuard } from '../../rate-limit/mfa-throttler.guard';
import { ErrorResponse, RecoveryCodeDto } from '../dto';
import { MfaService } from '../mfa.service';
import type { RequestContext } from '../../common/mfa.types';

@ApiTags('mfa: recovery codes')
@ApiBearerAuth()
@ApiDefaultResponse({ type: ErrorResponse })
@UseGuards(MfaThrottlerGuard, MfaAuthGuard)
@UseFilters(MfaExceptionFilter)
@UsePipes(createValidationPipe())
@Controller('mfa/recovery-codes')
export class RecoveryCodesController {
  constructor(private readonly mfa: MfaService) {}

  @Post()
  @ApiCreatedResponse({ description: '{ codes: string[10] } — shown this once; replaces the previous set. 403 STEP_UP_REQUIRED' })
  generate(@CurrentUser() user: AuthenticatedUser) {
    return this.mfa.generateRecoveryCodes(user);
  }

  @Post('verify')
  @HttpCode(200)
  @ApiOkResponse({ description: '{ verified: true, aal, methods, verifiedAt, expiresAt, remaining }' })
  async verify(@CurrentUser() user: AuthenticatedUser, @Body() body: RecoveryCodeDto, @ClientContext() ctx: RequestContext) {
    return { verified: true, ...(await this.mfa.verifyRecoveryCode(user, body.code, ctx)) };
  }
}
