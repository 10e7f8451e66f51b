import { createHmac, randomInt, timingSafeEqual } from 'node:crypto';

/** A code of `length` decimal digits from the CSPRNG, leading zeros kept. */
export function generateCode(length: number): string {
  // randomInt draws uniformly (rejection sampling): no modulo bias.
  return randomInt(0, 10 ** length)
    .toString()
    .padStart(length, '0');
}

/**
 * Codes are stored only as HMAC-SHA-256(secret, challengeId ":" code). The key
 * makes an offline brute force of a stolen table useless without the secret, and
 * binding the challenge id means a hash is good for its own challenge only.
 */
export class CodeHasher {
  private readonly key: Buffer;

  constructor(secret: string) {
    this.key = Buffer.from(secret, 'utf8');
  }

  hash(challengeId: string, code: string): Buffer {
    return createHmac('sha256', this.key).update(`${challengeId}:${code}`).digest();
  }

  /** Constant time in the code: both sides are 32-byte digests. */
  matches(challengeId: string, code: string, stored: Buffer): boolean {
    const candidate = this.hash(challengeId, code);
    return stored.length === candidate.length && timingSafeEqual(stored, candidate);
  }
}
