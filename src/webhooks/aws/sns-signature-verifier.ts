import { verify as verifySignature, X509Certificate, type KeyObject } from 'node:crypto';
import { type SnsMessage, stringToSign } from './sns-message';

type InvalidSnsSignatureReason =
  'version' | 'certificate_url' | 'certificate' | 'signature' | 'expired_certificate';

/** A message whose signature cannot be trusted; `reason` says which check failed (for metrics and logs: it names no value). */
export class InvalidSnsSignature extends Error {
  constructor(readonly reason: InvalidSnsSignatureReason) {
    super(`SNS signature rejected: ${reason}`);
    this.name = 'InvalidSnsSignature';
  }
}

export interface SnsSignatureVerifierOptions {
  /** The SigningCertURLs to trust, matched against the whole URL (AWS_SNS_CERT_URL in production). */
  certUrlPattern: RegExp;
  /** Returns the PEM at a URL; the default fetches it (see fetchCertificatePem). An injected one owns its own timeout. */
  fetchCertificate?: (url: string) => Promise<string>;
  now?: () => Date;
  /** Certificates kept, by URL (default 20); SNS uses one per region at a time. */
  maxCertificates?: number;
  /** For the default fetch (default 5000 ms), body included. */
  certificateTimeoutMs?: number;
}

interface CachedCertificate {
  publicKey: KeyObject;
  validFrom: number;
  validTo: number;
}

const SIGNATURE_HASH: Record<string, 'sha1' | 'sha256'> = { '1': 'sha1', '2': 'sha256' };
/** An SNS signing certificate is under 2 KiB; a bigger answer is not one. */
const MAX_CERTIFICATE_BYTES = 16 * 1024;
const PEM_CERTIFICATE = '-----BEGIN CERTIFICATE-----';

/**
 * Checks the signature of an SNS HTTP(S) message (SignatureVersion 1 =
 * SHA1withRSA, 2 = SHA256withRSA) with the certificate at its SigningCertURL.
 *
 * Trust comes from the URL: only a URL matching `certUrlPattern` exactly is
 * ever fetched (AWS's own hosts over https in production), so whoever can
 * sign for it is SNS. The certificate chain is not checked, as in AWS's SDKs.
 * Certificates are cached by URL (bounded, least recently used goes first);
 * concurrent messages with the same URL share one fetch, and a failed fetch
 * is not cached, so the next message tries again.
 *
 * Not checked here: Timestamp age and MessageId replays (the caller's), and
 * whether a SubscribeURL belongs to SNS (see sameOrigin).
 */
export class SnsSignatureVerifier {
  private readonly certUrlPattern: RegExp;
  private readonly fetchCertificate: (url: string) => Promise<string>;
  private readonly now: () => Date;
  private readonly maxCertificates: number;
  private readonly certificates = new Map<string, Promise<CachedCertificate>>();

  constructor(options: SnsSignatureVerifierOptions) {
    // Anchored on the whole string, and without g/y (stateful lastIndex) or m
    // (`^…$` per line) whatever the caller's flags, so "matches" means "is".
    const flags = options.certUrlPattern.flags.replace(/[gym]/g, '');
    this.certUrlPattern = new RegExp(`^(?:${options.certUrlPattern.source})$`, flags);
    const timeoutMs = options.certificateTimeoutMs ?? 5000;
    this.fetchCertificate = options.fetchCertificate ?? ((url) => fetchCertificatePem(url, timeoutMs));
    this.now = options.now ?? (() => new Date());
    this.maxCertificates = Math.max(1, options.maxCertificates ?? 20);
  }

  /** Resolves if SNS signed the message; throws InvalidSnsSignature otherwise. */
  async verify(m: SnsMessage): Promise<void> {
    const hash = Object.hasOwn(SIGNATURE_HASH, m.SignatureVersion) ? SIGNATURE_HASH[m.SignatureVersion] : undefined;
    if (!hash) throw new InvalidSnsSignature('version');
    // Refused before any fetch: a URL we would not trust is never requested.
    if (!this.trustedCertUrl(m.SigningCertURL)) throw new InvalidSnsSignature('certificate_url');

    const certificate = await this.certificate(m.SigningCertURL);
    const now = this.now().getTime();
    if (!(now >= certificate.validFrom && now <= certificate.validTo))
      throw new InvalidSnsSignature('expired_certificate');

    let valid = false;
    try {
      const signature = Buffer.from(m.Signature, 'base64');
      valid =
        signature.length > 0 &&
        verifySignature(hash, Buffer.from(stringToSign(m), 'utf8'), certificate.publicKey, signature);
    } catch {
      valid = false; // an unknown Type or a malformed signature is no signature
    }
    if (!valid) throw new InvalidSnsSignature('signature');
  }

  /** The URL matches the pattern in full, and is exactly what the URL parser makes of it (no user-info, no rewriting). */
  private trustedCertUrl(url: string): boolean {
    // Printable ASCII only: the URL parser drops tabs and newlines, which a pattern may not expect.
    if (typeof url !== 'string' || !/^[\x21-\x7e]+$/.test(url) || !this.certUrlPattern.test(url)) return false;
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      return false;
    }
    return (
      (parsed.protocol === 'https:' || parsed.protocol === 'http:') &&
      parsed.username === '' &&
      parsed.password === '' &&
      parsed.href === url
    );
  }

  private certificate(url: string): Promise<CachedCertificate> {
    const cached = this.certificates.get(url);
    if (cached) {
      this.certificates.delete(url); // re-inserted: most recently used last
      this.certificates.set(url, cached);
      return cached;
    }
    const loading = this.load(url);
    this.certificates.set(url, loading);
    loading.catch(() => {
      if (this.certificates.get(url) === loading) this.certificates.delete(url);
    });
    while (this.certificates.size > this.maxCertificates) {
      this.certificates.delete(this.certificates.keys().next().value!);
    }
    return loading;
  }

  private async load(url: string): Promise<CachedCertificate> {
    try {
      const certificate = new X509Certificate(await this.fetchCertificate(url));
      const validFrom = Date.parse(certificate.validFrom);
      const validTo = Date.parse(certificate.validTo);
      // SNS signs with RSA; any other key cannot have made a SHA*withRSA signature.
      if (certificate.publicKey.asymmetricKeyType !== 'rsa' || Number.isNaN(validFrom) || Number.isNaN(validTo)) {
        throw new Error('unusable certificate');
      }
      return { publicKey: certificate.publicKey, validFrom, validTo };
    } catch {
      // Why it failed (network, status, PEM) stays out of the error: callers see one reason.
      throw new InvalidSnsSignature('certificate');
    }
  }
}

/**
 * The default certificate fetch: one GET with a timeout, no redirects (a
 * redirect would lead away from the URL that was checked), status 200, at
 * most 16 KiB, and a PEM certificate in it.
 */
async function fetchCertificatePem(url: string, timeoutMs: number): Promise<string> {
  const response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs), redirect: 'error' });
  if (response.status !== 200 || !response.body) {
    await response.body?.cancel();
    throw new Error(`certificate fetch answered ${response.status}`);
  }
  if (Number(response.headers.get('content-length') ?? 0) > MAX_CERTIFICATE_BYTES) {
    await response.body.cancel();
    throw new Error('certificate too large');
  }
  // Read by chunks and stop at the limit: a missing or false content-length cannot make us buffer more.
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = response.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_CERTIFICATE_BYTES) {
      await reader.cancel();
      throw new Error('certificate too large');
    }
    chunks.push(value);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (!text.includes(PEM_CERTIFICATE)) throw new Error('not a PEM certificate');
  return text;
}

/**
 * Whether two URLs have the same http(s) origin (scheme, host, port) and
 * neither carries user-info; false for anything unparsable. Used to require
 * that a SubscribeURL goes to the host that served the signing certificate.
 */
export function sameOrigin(a: string, b: string): boolean {
  try {
    const x = new URL(a);
    const y = new URL(b);
    const plain = (u: URL) =>
      (u.protocol === 'https:' || u.protocol === 'http:') && u.username === '' && u.password === '';
    return plain(x) && plain(y) && x.origin === y.origin;
  } catch {
    return false;
  }
}
