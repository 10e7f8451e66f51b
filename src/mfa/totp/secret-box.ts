import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

const IV_BYTES = 12;
const TAG_BYTES = 16;

export interface Sealed {
  ciphertext: Buffer;
  keyId: string;
}

/** A key's public name: the first 12 hex digits of its SHA-256, so it can be stored beside what it encrypted. */
export function keyIdOf(hexKey: string): string {
  return createHash('sha256').update(Buffer.from(hexKey, 'hex')).digest('hex').slice(0, 12);
}

/**
 * AES-256-GCM for secrets at rest. Seals with the current key; opens with the
 * key named by the stored key id (current or a previous one), so keys can
 * rotate without a flag day. The additional data binds a ciphertext to its
 * row: a secret copied onto another row does not open.
 */
export class SecretBox {
  private readonly current: { id: string; key: Buffer };
  private readonly keys = new Map<string, Buffer>();

  constructor(currentHexKey: string, previousHexKeys: string[] = []) {
    for (const hex of [currentHexKey, ...previousHexKeys]) this.keys.set(keyIdOf(hex), Buffer.from(hex, 'hex'));
    this.current = { id: keyIdOf(currentHexKey), key: Buffer.from(currentHexKey, 'hex') };
  }

  seal(plaintext: Buffer, additionalData: string): Sealed {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.current.key, iv);
    cipher.setAAD(Buffer.from(additionalData));
    const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
    return { ciphertext: Buffer.concat([iv, cipher.getAuthTag(), body]), keyId: this.current.id };
  }

  /** Throws when the key is unknown or the ciphertext (or its row binding) was tampered with. */
  open(sealed: Sealed, additionalData: string): Buffer {
    const key = this.keys.get(sealed.keyId);
    if (!key) throw new Error(`no key with id ${sealed.keyId}`);
    const iv = sealed.ciphertext.subarray(0, IV_BYTES);
    const tag = sealed.ciphertext.subarray(IV_BYTES, IV_BYTES + TAG_BYTES);
    const decipher = createDecipheriv('aes-256-gcm', key, iv);
    decipher.setAAD(Buffer.from(additionalData));
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(sealed.ciphertext.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]);
  }

  /** Whether a key of this id is configured (current or previous). */
  hasKey(keyId: string): boolean {
    return this.keys.has(keyId);
  }

  /** True when the secret was sealed with a previous key (re-seal it on next use). */
  isStale(keyId: string): boolean {
    return keyId !== this.current.id;
  }
}
