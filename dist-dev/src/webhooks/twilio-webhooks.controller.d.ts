import { DeliveryService } from './delivery.service';
import { OptOutService } from './opt-out.service';
type TwilioForm = Record<string, unknown>;
export declare class TwilioWebhooksController {
    private readonly delivery;
    private readonly optOuts;
    constructor(delivery: DeliveryService, optOuts: OptOutService);
    status(form: TwilioForm): Promise<void>;
    inbound(form: TwilioForm): Promise<string>;
}
export {};
