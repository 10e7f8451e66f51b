import type { IncomingHttpHeaders } from 'node:http';
import type { Socket } from 'node:net';
export interface MfaHttpRequest {
    headers: IncomingHttpHeaders;
    ip?: string;
    originalUrl: string;
    socket: Socket;
    body?: unknown;
}
export declare function header(request: MfaHttpRequest, name: string): string | undefined;
