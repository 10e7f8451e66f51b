import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Secret, TOTP } from 'otpauth';
import { keyIdOf, SecretBox } from './secret-box';
import { TOTP_PARAMS } from './totp.service';

/** RFC 6238 appendix B, SHA-1, seed "12345678901234567890": time → 8-digit code. */
const RFC6238_SHA1: [number, string][] = [
  [59, '94287082'],
  [1111111109, '07081804'],
  [1111111111, '14050471'],
  [1234567890, '89005924'],
  [2000000000, '69279037'],
  [20000000000, '65353130'],
];

describe('TOTP parameters', () => {
  const secret = Secret.fromLatin1('12345678901234567890');

  it('reproduces the RFC 6238 SHA-1 test vectors (8 digits)', () => {
    const totp = new TOTP({ ...TOTP_PARAMS, digits: 8, secret });
    for (const [seconds, code] of RFC6238_SHA1) assert.equal(totp.generate({ timestamp: seconds * 1000 }), code, `T=${seconds}`);
  });

  it('gives the same codes truncated to the 6 digits authenticator apps show', () => {
    const totp = new TOTP({ ...TOTP_PARAMS, secret });
    for (const [seconds, code] of RFC6238_SHA1) assert.equal(totp.generate({ timestamp: seconds * 1000 }), code.slice(-6));
  });
});

describe('SecretBox (AES-256-GCM)', () => {
  const key = 'a'.repeat(64);
  const old = 'b'.repeat(64);
  const plain = Buffer.from('secret bytes of a TOTP seed');

  it('opens what it sealed, for the same row only', () => {
    const box = new SecretBox(key);
    const sealed = box.seal(plain, 'factor-1');
    assert.deepEqual(box.open(sealed, 'factor-1'), plain);
    assert.ok(!sealed.ciphertext.includes(plain));
    assert.throws(() => box.open(sealed, 'factor-2'));
  });

  it('detects tampering with any byte', () => {
    const box = new SecretBox(key);
    const sealed = box.seal(plain, 'f');
    for (const index of [0, 13, 30, sealed.ciphertext.length - 1]) {
      const tampered = Buffer.from(sealed.ciphertext);
      tampered[index] ^= 0x01;
      assert.throws(() => box.open({ ...sealed, ciphertext: tampered }, 'f'), `byte ${index}`);
    }
  });

  it('rotates: a previous key still opens, the current one seals, an unknown key id is refused', () => {
    const sealedWithOld = new SecretBox(old).seal(plain, 'f');
    const rotated = new SecretBox(key, [old]);
    assert.deepEqual(rotated.open(sealedWithOld, 'f'), plain);
    assert.equal(rotated.isStale(sealedWithOld.keyId), true);
    assert.equal(rotated.seal(plain, 'f').keyId, keyIdOf(key));
    assert.throws(() => new SecretBox(key).open(sealedWithOld, 'f'), /no key/);
  });
});
