import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { BeforeApplicationShutdown } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { type OpsConfig } from './ops.config';
export declare class ShutdownDrain implements BeforeApplicationShutdown {
    private readonly config;
    private readonly adapterHost;
    private readonly logger;
    private draining;
    private inFlight;
    private idle?;
    private readonly others;
    private startDraining;
    readonly drainStarted: Promise<void>;
    constructor(config: OpsConfig, adapterHost: HttpAdapterHost);
    get isDraining(): boolean;
    attach(server: Server): void;
    readonly middleware: (req: IncomingMessage, res: ServerResponse, next: () => void) => void;
    beforeApplicationShutdown(): Promise<void>;
}
