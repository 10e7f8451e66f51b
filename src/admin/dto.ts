import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDate, IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';

export class CountryRuleDto {
  @ApiProperty({ enum: ['allow', 'block'] })
  @IsIn(['allow', 'block'])
  action: 'allow' | 'block';

  @ApiPropertyOptional({ maxLength: 200 })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  reason?: string;
}

export class FraudEventsQuery {
  @ApiPropertyOptional({ example: 'prefix_velocity' })
  @IsOptional()
  @Matches(/^[a-z_]{1,40}$/, { message: 'rule must be a rule name' })
  rule?: string;

  @ApiPropertyOptional({ example: 'SO' })
  @IsOptional()
  @Matches(/^[A-Za-z]{2}$/, { message: 'country must be an ISO 3166-1 alpha-2 code' })
  country?: string;

  @ApiPropertyOptional({ description: 'ISO 8601, inclusive' })
  @IsOptional()
  @Type(() => Date)
  @IsDate()
  from?: Date;

  @ApiPropertyOptional({ description: 'ISO 8601, exclusive' })
  @IsOptional()
  @Type(() => Date)
  @IsDate()
  to?: Date;

  @ApiPropertyOptional({ description: 'Continue after this event id (from nextBefore)' })
  @IsOptional()
  @Matches(/^\d{1,18}$/, { message: 'before must be an event id' })
  before?: string;

  @ApiPropertyOptional({ default: 50, minimum: 1, maximum: 500 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;
}
