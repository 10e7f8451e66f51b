import type { IncomingMessage } from 'node:http';
import type { INestApplication } from '@nestjs/common';
import { FastifyAdapter } from '@nestjs/platform-fastify';
export interface MfaFastifyOptions {
    trustProxy: string | number | boolean;
    genReqId?: (request: IncomingMessage) => string;
}
export declare function mfaFastifyAdapter(options: MfaFastifyOptions): FastifyAdapter;
export declare function setUpFastify(app: INestApplication): void;
