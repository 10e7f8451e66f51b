import { Controller, Get, Injectable, CanActivate, ExecutionContext, UseGuards } from '@nestjs/common';
import { CurrentUser, RequireMfa } from '@haven-health/nest-sms-mfa';
import type { AuthenticatedUser } from '@haven-health/nest-sms-mfa';

/** A second guard of the host's, on one route: it only lets users through that the global guard has set. */
@Injectable()
export class SignedInGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    return Boolean(context.switchToHttp().getRequest<{ user?: unknown }>().user);
  }
}

/** The host's health records: open only to sessions that have shown a second factor. */
@Controller('records')
export class RecordsController {
  @Get()
  @RequireMfa({ maxAgeMinutes: 30 })
  list(@CurrentUser() user: AuthenticatedUser): { owner: string; records: string[] } {
    return { owner: user.id, records: ['vaccinations', 'allergies'] };
  }

  /** The natural order, the host's guard written above @RequireMfa(): the module's check still runs after it. */
  @Get('summary')
  @UseGuards(SignedInGuard)
  @RequireMfa()
  summary(@CurrentUser() user: AuthenticatedUser): { owner: string; count: number } {
    return { owner: user.id, count: 2 };
  }
}
