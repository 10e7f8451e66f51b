import { Body, Controller, HttpCode, Post, UseFilters, UseGuards, UsePipes } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiDefaultResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ClientContext, CurrentUser, MfaAuthGuard } from '../auth/mfa-auth.guard';
import type { AuthenticatedUser } from '../auth/user-resolver';
import { MfaExceptionFilter } from '../common/mfa-exception.filter';
import { createValidationPipe } from '../common/validation';
import { MfaThrottlerGuard } from '../rate-limit/mfa-throttler.guard';
import { CodeDto, ErrorResponse } from './dto';
import { MfaService } from './mfa.service';
import type { RequestContext } from '../common/mfa.types';

@ApiTags('mfa: totp')
@ApiBearerAuth()
@ApiDefaultResponse({ type: ErrorResponse })
@UseGuards(MfaThrottlerGuard, MfaAuthGuard)
@UseFilters(MfaExceptionFilter)
@UsePipes(createValidationPipe())
@Controller('mfa/totp')
export class MfaTotpController {
  constructor(private readonly mfa: MfaService) {}

  @Post('enroll')
  @ApiCreatedResponse({ description: '{ factorId, secret, otpauthUrl } — the secret is shown this once; 403 STEP_UP_REQUIRED' })
  enroll(@CurrentUser() user: AuthenticatedUser) {
    return this.mfa.enrollTotp(user);
  }

  @Post('activate')
  @HttpCode(200)
  @ApiOkResponse({ description: '{ factorId, verified: true, aal, methods, verifiedAt, expiresAt }' })
  activate(@CurrentUser() user: AuthenticatedUser, @Body() body: CodeDto) {
    return this.mfa.activateTotp(user, body.code);
  }

  @Post('verify')
  @HttpCode(200)
  @ApiOkResponse({ description: '{ verified: true, aal, methods, verifiedAt, expiresAt }' })
  async verify(@CurrentUser() user: AuthenticatedUser, @Body() body: CodeDto, @ClientContext() ctx: RequestContext) {
    return { verified: true, ...(await this.mfa.verifyTotp(user, body.code, ctx)) };
  }
}
