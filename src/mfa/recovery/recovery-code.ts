import { randomBytes } from 'node:crypto';

/**
 * Crockford's base32 alphabet, lower case: no I, L, O or U, so nothing reads
 * as another symbol; 32 symbols, 5 bits each, so a 10-symbol code carries 50
 * bits and a byte maps to a symbol without bias (256 is a multiple of 32).
 */
const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';
const LENGTH = 10;

/** A recovery code from the CSPRNG, written `xxxxx-xxxxx`. */
export function generateRecoveryCode(): string {
  const symbols = [...randomBytes(LENGTH)].map((b) => ALPHABET[b & 31]).join('');
  return `${symbols.slice(0, 5)}-${symbols.slice(5)}`;
}

/**
 * The canonical form of what a user typed: case, spaces and dashes ignored,
 * and the look-alikes read as Crockford reads them (o → 0; i, l → 1).
 * undefined when it cannot be a recovery code.
 */
export function normalizeRecoveryCode(input: string): string | undefined {
  const code = input
    .toLowerCase()
    .replace(/[\s-]/g, '')
    .replace(/o/g, '0')
    .replace(/[il]/g, '1');
  return code.length === LENGTH && [...code].every((c) => ALPHABET.includes(c)) ? code : undefined;
}
