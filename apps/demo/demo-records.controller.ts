import { Controller, Get, UseFilters } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentUser, MfaExceptionFilter, RequireMfa, type AuthenticatedUser } from '../../src';

/**
 * The demo host's own protected data: health records that a session may read
 * only once it has shown a second factor (403 MFA_REQUIRED before).
 */
@ApiTags('demo')
@ApiBearerAuth()
@UseFilters(MfaExceptionFilter)
@Controller('demo/records')
export class DemoRecordsController {
  @Get()
  @RequireMfa({ maxAgeMinutes: 60 })
  @ApiOkResponse({ description: "The caller's health records (demo data); 403 MFA_REQUIRED below aal2" })
  records(@CurrentUser() user: AuthenticatedUser) {
    return {
      patient: user.id,
      records: [
        { kind: 'immunization', name: 'Measles, mumps, rubella (MMR), dose 2', date: '2025-03-02', by: 'Field clinic 4' },
        { kind: 'allergy', name: 'Penicillin', severity: 'moderate', recorded: '2024-11-18' },
        { kind: 'medication', name: 'Salbutamol inhaler 100 µg', dosage: '2 puffs as needed', since: '2024-11-18' },
        { kind: 'condition', name: 'Asthma, mild persistent', since: '2019' },
      ],
    };
  }
}
