import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Matches, MaxLength } from 'class-validator';

/** `channel` on enrol and challenge: any string here; the service answers CHANNEL_NOT_AVAILABLE for one it does not offer. */
function ChannelField() {
  return applyDecorators(
    ApiPropertyOptional({
      enum: ['sms', 'voice', 'whatsapp'],
      default: 'sms',
      description: 'How the code goes: the channels SMS_CHANNELS enables (else 400 CHANNEL_NOT_AVAILABLE). Voice may reach a fixed line.',
    }),
    IsOptional(),
    IsString(),
    MaxLength(16),
  );
}

export class EnrollSmsDto {
  @ApiProperty({ example: '+14155552671', description: 'International format (E.164; spaces and dashes are removed).' })
  @IsString()
  @MaxLength(32)
  phoneNumber: string;

  @ChannelField()
  channel?: string;

  @ApiPropertyOptional({
    description: "The answer to the host's friction step (a CAPTCHA token…), after a 403 FRICTION_REQUIRED.",
  })
  @IsOptional()
  @IsString()
  @MaxLength(4096)
  frictionProof?: string;
}

export class SmsChallengeDto {
  @ApiPropertyOptional({ example: '+14155552671', description: "Defaults to the user's verified number." })
  @IsOptional()
  @IsString()
  @MaxLength(32)
  phoneNumber?: string;

  @ChannelField()
  channel?: string;
}

export class CodeDto {
  @ApiProperty({ example: '123456', description: 'The digits received.' })
  @IsString()
  @Matches(/^\d{4,10}$/, { message: 'code must be a string of 4 to 10 digits' })
  code: string;
}

export class RecoveryCodeDto {
  @ApiProperty({ example: 'k3x9m-2tqvb', description: 'One recovery code; case, spaces and dashes are ignored.' })
  @IsString()
  @MaxLength(40)
  code: string;
}

export class SmsChallengeResponse {
  @ApiProperty() challengeId: string;
  @ApiProperty({ enum: ['sms', 'voice', 'whatsapp'], description: 'How the code went: the channel asked for, or voice after a fallback.' })
  channel: string;
  @ApiProperty({ example: '+1 ••• ••• 2671' }) maskedPhone: string;
  @ApiProperty() expiresAt: Date;
  @ApiProperty() resendAvailableAt: Date;
}

export class SmsEnrollResponse extends SmsChallengeResponse {
  @ApiProperty() factorId: string;
}

export class ErrorResponse {
  @ApiProperty() statusCode: number;
  @ApiProperty({ example: 'CODE_INVALID' }) code: string;
  @ApiProperty() message: string;
  @ApiPropertyOptional() attemptsRemaining?: number;
  @ApiPropertyOptional() retryAfterSeconds?: number;
  @ApiPropertyOptional() limit?: string;
  @ApiPropertyOptional({ description: 'STEP_UP_REQUIRED / MFA_REQUIRED: methods the user can verify with', example: ['totp', 'sms'] })
  methods?: string[];
}
