export declare class TcpProxy {
    private readonly target;
    private server?;
    private readonly sockets;
    mode: 'pass' | 'refuse' | 'hang';
    constructor(target: {
        host?: string;
        port?: number;
        path?: string;
    });
    start(databaseUrl: string): Promise<string>;
    cut(): void;
    hang(): void;
    restore(): void;
    stop(): Promise<void>;
    static targetOf(databaseUrl: string): {
        host?: string;
        port?: number;
        path?: string;
    };
}
