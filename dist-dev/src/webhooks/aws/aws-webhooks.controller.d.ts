import { SnsEventsService } from './sns-events.service';
export declare class AwsWebhooksController {
    private readonly events;
    constructor(events: SnsEventsService);
    receive(body: unknown): Promise<void>;
}
