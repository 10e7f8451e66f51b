import { CORE_SETTINGS, withHostMode, type CoreSettings } from '../../src/config/core.settings';
import { bool, int, oneOf, text } from '../../src/config/env-rules';
import { defineSettings, loadSettings } from '../../src/config/settings';

export type HttpAdapterName = 'express' | 'fastify';

/** The demo app's own settings: its server, its logs, its API docs and its bearer tokens. The module reads none of them. */
export interface DemoSettings {
  port: number;
  /** The demo's HTTP server: Fastify (the faster one in `npm run bench`) or Express; the module works under both. */
  httpAdapter: HttpAdapterName;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** Serve /docs and /docs-json (default: outside production only). */
  docsEnabled: boolean;
  authJwtSecret?: string;
  /** When set, tokens must carry this `iss` / `aud`. */
  authJwtIssuer?: string;
  authJwtAudience?: string;
  /** Tokens must expire, at most this long after now. */
  authJwtMaxLifetimeMinutes: number;
}

export const DEMO_SETTINGS = defineSettings<DemoSettings, CoreSettings>({
  title: 'The demo app only',
  fields: {
    port: { env: 'PORT', rule: int(0, 65535), default: 3000, doc: "the demo's port" },
    httpAdapter: {
      env: 'HTTP_ADAPTER',
      rule: oneOf('express', 'fastify'),
      default: 'fastify',
      doc: "the demo's HTTP server (the module works under both; see Embedding)",
    },
    logLevel: {
      env: 'LOG_LEVEL',
      rule: oneOf('fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'),
      default: 'info',
      doc: "the demo's pino level",
    },
    docsEnabled: {
      env: 'MFA_DOCS_ENABLED',
      rule: bool(),
      default: (c) => !c.production,
      defaultDoc: 'true outside production',
      doc: 'serve the OpenAPI document at `/docs` and `/docs-json`',
    },
    authJwtSecret: {
      env: 'AUTH_JWT_SECRET',
      rule: text(/^.{32,}$/, 'a string of at least 32 characters'),
      secret: true,
      defaultDoc: 'generated (development)',
      doc: 'HS256 secret of the demo tokens; required in production',
    },
    authJwtIssuer: { env: 'AUTH_JWT_ISSUER', rule: text(/^.{1,200}$/, 'a string of 1 to 200 characters'), doc: 'when set, tokens must carry this `iss`' },
    authJwtAudience: { env: 'AUTH_JWT_AUDIENCE', rule: text(/^.{1,200}$/, 'a string of 1 to 200 characters'), doc: 'when set, tokens must carry this `aud`' },
    authJwtMaxLifetimeMinutes: {
      env: 'AUTH_JWT_MAX_LIFETIME_MINUTES',
      rule: int(1, 43_200),
      default: 1440,
      doc: 'tokens must have `exp`, at most this far ahead',
    },
  },
  check(c, problems) {
    if (c.production && !c.authJwtSecret) problems.push('AUTH_JWT_SECRET must be set when NODE_ENV=production');
  },
});

export type DemoConfig = DemoSettings & Pick<CoreSettings, 'production'>;
export type DemoConfigOverrides = Partial<DemoSettings> & Partial<Pick<CoreSettings, 'nodeEnv'>>;

/** The demo's settings from the environment and overrides, in the module's mode (MFA_ENV, else NODE_ENV). */
export function loadDemoConfig(env: NodeJS.ProcessEnv, overrides: DemoConfigOverrides = {}): DemoConfig {
  return loadSettings<DemoConfig>([CORE_SETTINGS, DEMO_SETTINGS], env, withHostMode(env, overrides, []), []);
}
