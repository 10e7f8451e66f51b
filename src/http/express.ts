import type { INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { text } from 'express';
import { BODY_LIMIT_BYTES, SNS_BODY_LIMIT_BYTES, SNS_EVENTS_PATH } from './body-limits';

/**
 * What an Express host sets up around the module (entry `…/express`): the
 * client-IP policy (`TRUST_PROXY`: pass the module's `trustProxy`), and body
 * parsers with size limits: JSON, Twilio's forms, and the text/plain that
 * Amazon SNS posts its JSON as (256 KiB messages, on its route only). Create
 * the app with `{ bodyParser: false }` and call this before `app.init()`.
 */
export function setUpExpress(app: INestApplication, options: { trustProxy: string | number | boolean }): void {
  const express = app as NestExpressApplication;
  express.set('trust proxy', options.trustProxy);
  express.disable('x-powered-by');
  // The SNS route's text parser runs first; the global ones then see a parsed body and skip it.
  express.use(SNS_EVENTS_PATH, text({ type: 'text/plain', limit: SNS_BODY_LIMIT_BYTES }));
  express.useBodyParser('json', { limit: BODY_LIMIT_BYTES });
  express.useBodyParser('urlencoded', { limit: BODY_LIMIT_BYTES, extended: false });
  express.useBodyParser('text', { limit: BODY_LIMIT_BYTES, type: 'text/plain' });
}
