import type { ServerResponse } from 'node:http';
import { FakeMode, FakeServer, RecordedRequest } from './fake-server';
export declare class TwilioFake extends FakeServer {
    protected answer(req: RecordedRequest, mode: FakeMode, res: ServerResponse): void;
    protected answerError(res: ServerResponse, status: number, code: string): void;
    protected recipient(req: RecordedRequest): string;
    requestsTo(api: 'Messages' | 'Calls' | 'Feedback'): RecordedRequest[];
    bodiesTo(e164: string): string[];
}
