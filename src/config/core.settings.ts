import { coversPublicAddresses } from '../common/ip-ranges';
import { int, oneOf, trustProxy, url } from './env-rules';
import { defineSettings, type ConfigWarning } from './settings';

export type MfaMode = 'development' | 'production' | 'test';

/** The settings every feature may read: the mode and how the module sees the network. */
export interface CoreSettings {
  nodeEnv: MfaMode;
  /** nodeEnv === 'production', derived. */
  production: boolean;
  publicBaseUrl?: string;
  trustProxy: string | number | boolean;
  /** IPv6 clients are keyed by their network of this many bits for every per-IP limit, rule and throttle. */
  ipv6SubnetPrefix: number;
}

const NAMED_TRUST = /^(loopback|linklocal|uniquelocal)$/;
const MODES: readonly MfaMode[] = ['development', 'production', 'test'];

export const CORE_SETTINGS = defineSettings<Omit<CoreSettings, 'production'>, Pick<CoreSettings, 'production'>>({
  title: 'Mode and network',
  fields: {
    nodeEnv: {
      env: 'MFA_ENV',
      rule: oneOf(...MODES),
      default: 'development',
      defaultDoc: "the host's `NODE_ENV`",
      doc: "Production turns on the safe defaults and refusals. Unset: `NODE_ENV` when it is one of the three, `development` when `NODE_ENV` is unset, otherwise (`staging`…) `production`, with a warning. The module never refuses the host's `NODE_ENV`",
    },
    publicBaseUrl: {
      env: 'PUBLIC_BASE_URL',
      rule: url(['http', 'https']),
      doc: 'the externally visible URL (provider callbacks and their signatures)',
    },
    trustProxy: {
      env: 'TRUST_PROXY',
      rule: trustProxy(),
      default: false,
      doc: "the adapter's trust-proxy setting, read alike by Express and Fastify: which `X-Forwarded-For` hop is the client. In production only private, loopback or link-local proxies (or a hop count)",
    },
    ipv6SubnetPrefix: {
      env: 'IPV6_SUBNET_PREFIX',
      rule: int(32, 128),
      default: 64,
      doc: 'IPv6 clients are one client per network of this many bits, for every per-IP limit, fraud rule and HTTP throttle',
    },
  },
  read: (_env, _overrides, _problems, sofar) => ({ production: sofar.nodeEnv === 'production' }),
  // Proxies over public address space would let any client name its own address in X-Forwarded-For and pass every per-IP limit.
  check(c, problems) {
    if (!c.production || typeof c.trustProxy !== 'string') return;
    const wide = c.trustProxy.split(',').map((e) => e.trim()).filter((e) => !NAMED_TRUST.test(e) && coversPublicAddresses(e));
    if (wide.length) {
      problems.push(
        `TRUST_PROXY must name only private, loopback or link-local proxies when NODE_ENV=production (${wide.join(', ')} covers public addresses; use a hop count for a public load balancer)`,
      );
    }
  },
});

/**
 * The overrides with the mode filled in from the host's NODE_ENV when neither
 * they nor MFA_ENV choose it (read before every other setting: defaults depend on it).
 */
export function withHostMode<O extends { nodeEnv?: MfaMode }>(env: NodeJS.ProcessEnv, overrides: O, warnings: ConfigWarning[]): O {
  return overrides.nodeEnv === undefined && !env.MFA_ENV?.trim() ? { ...overrides, nodeEnv: hostMode(env, warnings) } : overrides;
}

/**
 * The mode when neither the options nor MFA_ENV give it: the host's NODE_ENV when it is one of the
 * three, development when it is unset, and otherwise (staging, prod…)
 * production, the strictest checks, with a warning. The host's NODE_ENV is
 * its own: the module reads it, never refuses it.
 */
function hostMode(env: NodeJS.ProcessEnv, warnings: ConfigWarning[]): MfaMode {
  const nodeEnv = env.NODE_ENV?.trim();
  if (!nodeEnv) return 'development';
  const known = MODES.find((m) => m === nodeEnv);
  if (known) return known;
  warnings.push({
    variable: 'NODE_ENV',
    message: `is ${nodeEnv.slice(0, 24)}, not development, production or test: the module applies its production checks (set MFA_ENV to choose)`,
  });
  return 'production';
}
