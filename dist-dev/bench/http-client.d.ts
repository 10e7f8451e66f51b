export interface Reply {
    status: number;
    body: any;
}
export declare class JsonClient {
    private readonly port;
    private readonly agent;
    constructor(port: number, maxSockets: number);
    post(path: string, token: string, body: unknown, forwardedFor?: string): Promise<Reply>;
    close(): void;
}
