import { Body, Controller, HttpCode, Post, UseFilters, UseGuards, UsePipes } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiDefaultResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ClientContext, CurrentUser, MfaAuthGuard } from '../../auth/mfa-auth.guard';
import type { AuthenticatedUser } from '../../auth/user-resolver';
import { CodeDto, EnrollSmsDto, ErrorResponse, SmsChallengeDto, SmsChallengeResponse, SmsEnrollResponse } from '../dto';
import { MfaExceptionFilter } from '../../common/mfa-exception.filter';
import { createValidationPipe } from '../../common/validation';
import { MfaThrottlerGuard } from '../../rate-limit/mfa-throttler.guard';
import { MfaService } from '../mfa.service';
import type { RequestContext } from '../../common/mfa.types';
import type { Channel } from '../../common/channel';

@ApiTags('mfa: sms')
@ApiBearerAuth()
@ApiDefaultResponse({ type: ErrorResponse, description: 'Error in the shape { statusCode, code, message }' })
@UseGuards(MfaThrottlerGuard, MfaAuthGuard)
@UseFilters(MfaExceptionFilter)
@UsePipes(createValidationPipe())
@Controller('mfa/sms')
export class MfaSmsController {
  constructor(private readonly mfa: MfaService) {}

  @Post('enroll')
  @HttpCode(202)
  @ApiAcceptedResponse({ type: SmsEnrollResponse, description: 'An ownership code was sent. 403 STEP_UP_REQUIRED without a recent second factor in this session.' })
  enroll(@CurrentUser() user: AuthenticatedUser, @Body() body: EnrollSmsDto, @ClientContext() ctx: RequestContext) {
    return this.mfa.enrollSms(user, body.phoneNumber, { ...ctx, frictionProof: body.frictionProof }, body.channel as Channel | undefined);
  }

  @Post('enroll/verify')
  @HttpCode(200)
  @ApiOkResponse({ description: '{ factorId, verified: true, aal, methods, verifiedAt, expiresAt }' })
  verifyEnrollment(@CurrentUser() user: AuthenticatedUser, @Body() body: CodeDto, @ClientContext() ctx: RequestContext) {
    return this.mfa.verifySmsEnrollment(user, body.code, ctx);
  }

  @Post('challenge')
  @HttpCode(202)
  @ApiAcceptedResponse({ type: SmsChallengeResponse, description: 'A code was sent; calling again is the resend.' })
  challenge(@CurrentUser() user: AuthenticatedUser, @Body() body: SmsChallengeDto, @ClientContext() ctx: RequestContext) {
    return this.mfa.initiateSmsVerification(user, body.phoneNumber, ctx, body.channel as Channel | undefined);
  }

  @Post('verify')
  @HttpCode(200)
  @ApiOkResponse({ description: '{ verified: true, aal, methods, verifiedAt, expiresAt }' })
  async verify(@CurrentUser() user: AuthenticatedUser, @Body() body: CodeDto, @ClientContext() ctx: RequestContext) {
    return { verified: true, ...(await this.mfa.verifySmsCodeOrThrow(user, body.code, ctx)) };
  }
}
