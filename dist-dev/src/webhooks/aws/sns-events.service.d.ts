import { Clock } from '../../common/clock';
import { DeliveryService } from '../delivery.service';
import { type AwsEventsConfig } from './aws-events.config';
export declare class SnsEventsService {
    private readonly config;
    private readonly clock;
    private readonly delivery;
    private readonly logger;
    private readonly verifier;
    private readonly seen;
    constructor(config: AwsEventsConfig, clock: Clock, delivery: DeliveryService);
    receive(body: unknown): Promise<void>;
    private authenticated;
    private confirm;
    private remember;
}
