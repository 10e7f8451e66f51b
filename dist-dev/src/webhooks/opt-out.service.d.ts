import { Clock } from '../common/clock';
import { type SmsConfig } from '../sms/sms.config';
import { OptOutsRepository } from '../sms/opt-outs.repository';
export declare class OptOutService {
    private readonly optOuts;
    private readonly config;
    private readonly clock;
    private readonly logger;
    constructor(optOuts: OptOutsRepository, config: SmsConfig, clock: Clock);
    handleInbound(provider: string, from: string | undefined, body: string | undefined): Promise<string | undefined>;
}
