import type { IncomingMessage } from 'node:http';
export declare function requestIdOf(req: IncomingMessage): string;
export declare function demoLoggerModule(destination?: NodeJS.WritableStream): import("@nestjs/common", { with: { "resolution-mode": "import" } }).DynamicModule;
