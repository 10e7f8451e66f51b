import type { ServerResponse } from 'node:http';
import { FakeMode, FakeServer, RecordedRequest } from './fake-server';
export type EumRequestBody = Record<string, unknown> & {
    DestinationPhoneNumber?: string;
    MessageBody?: string;
    MessageId?: string;
    Context?: Record<string, string>;
};
export declare class EumFake extends FakeServer {
    protected answer(req: RecordedRequest, mode: FakeMode, res: ServerResponse): void;
    protected answerError(res: ServerResponse, status: number, code: string): void;
    protected recipient(req: RecordedRequest): string;
    static targetOf(req: RecordedRequest): string | undefined;
    operations(name: string): EumRequestBody[];
    bodiesTo(e164: string): string[];
}
