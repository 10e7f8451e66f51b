import { Inject, Injectable, Logger } from '@nestjs/common';
import { Clock } from '../common/clock';
import { SMS_CONFIG, type SmsConfig } from '../sms/sms.config';
import { maskPhone } from '../phone/mask';
import { OptOutsRepository } from '../sms/opt-outs.repository';

const STOP = new Set(['STOP', 'STOPALL', 'UNSUBSCRIBE', 'CANCEL', 'END', 'QUIT', 'OPTOUT', 'REVOKE']);
const START = new Set(['START', 'UNSTOP', 'YES', 'OPTIN']);
const HELP = new Set(['HELP', 'INFO']);

/** TCPA keywords. A STOP is honoured before any provider is called again for that number. */
@Injectable()
export class OptOutService {
  private readonly logger = new Logger('OptOuts');

  constructor(
    private readonly optOuts: OptOutsRepository,
    @Inject(SMS_CONFIG) private readonly config: SmsConfig,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  /** Returns the reply text, if any. */
  async handleInbound(
    provider: string,
    from: string | undefined,
    body: string | undefined,
  ): Promise<string | undefined> {
    if (!from || !/^\+[1-9]\d{4,14}$/.test(from)) return undefined;
    const keyword =
      (body ?? '')
        .trim()
        .split(/\s+/)[0]
        ?.toUpperCase()
        .replace(/[^A-Z]/g, '') ?? '';
    const app = this.config.appName;
    if (STOP.has(keyword)) {
      await this.optOuts.optOut(from, keyword, provider, this.clock.now());
      this.logger.log(`opt-out (${keyword}) from ${maskPhone(from)}`);
      return `${app}: you will not receive more messages. Reply START to opt back in.`;
    }
    if (START.has(keyword)) {
      await this.optOuts.optIn(from);
      this.logger.log(`opt-in (${keyword}) from ${maskPhone(from)}`);
      return `${app}: you will receive verification codes again. Reply STOP to opt out.`;
    }
    if (HELP.has(keyword)) {
      return `${app}: this number sends sign-in verification codes only. Reply STOP to opt out, START to opt in.`;
    }
    return undefined;
  }
}
