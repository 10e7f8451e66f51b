import type { RequestListener } from 'node:http';
import { INestApplication } from '@nestjs/common';
import { ExpressAdapter } from '@nestjs/platform-express';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import { type HttpAdapterName, type MfaConfig } from '../config/mfa-config';
export declare function httpAdapterFor(name: HttpAdapterName, config: Pick<MfaConfig, 'trustProxy'>): ExpressAdapter | FastifyAdapter;
export declare function configureApp(app: INestApplication): INestApplication;
export declare function opsRequestListener(app: INestApplication): RequestListener;
