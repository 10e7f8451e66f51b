import { IncomingMessage, ServerResponse } from 'node:http';
export type FakeMode = {
    kind: 'ok';
} | {
    kind: 'server-error';
} | {
    kind: 'throttle';
} | {
    kind: 'hang';
} | {
    kind: 'number-error';
    code: string;
} | {
    kind: 'error';
    status: number;
    code: string;
    onlyTo?: string;
    onlyPath?: string;
};
export interface RecordedRequest {
    path: string;
    headers: IncomingMessage['headers'];
    form: URLSearchParams;
    body: string;
}
export declare abstract class FakeServer {
    readonly requests: RecordedRequest[];
    mode: FakeMode;
    private waiters;
    private server?;
    private readonly sockets;
    protected abstract answer(req: RecordedRequest, mode: FakeMode, res: ServerResponse): void;
    protected abstract answerError(res: ServerResponse, status: number, code: string): void;
    protected abstract recipient(req: RecordedRequest): string;
    start(): Promise<string>;
    stop(): Promise<void>;
    nextRequest(): Promise<void>;
    reset(mode?: FakeMode): void;
    protected static id(bytes?: number): string;
}
