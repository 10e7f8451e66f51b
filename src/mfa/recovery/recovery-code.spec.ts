import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { generateRecoveryCode, normalizeRecoveryCode } from './recovery-code';

describe('recovery codes', () => {
  it('are written xxxxx-xxxxx in an alphabet without look-alikes', () => {
    for (let i = 0; i < 200; i++) {
      const code = generateRecoveryCode();
      assert.match(code, /^[0-9a-hjkmnp-tv-z]{5}-[0-9a-hjkmnp-tv-z]{5}$/);
      assert.doesNotMatch(code, /[ilou]/);
    }
  });

  it('carry 50 bits: every symbol of the 32 appears in every position', () => {
    const seen = Array.from({ length: 10 }, () => new Set<string>());
    for (let i = 0; i < 3000; i++) [...generateRecoveryCode().replace('-', '')].forEach((c, p) => seen[p].add(c));
    assert.ok(seen.every((s) => s.size === 32));
  });

  it('read input ignoring case, spaces and dashes, and take O, I and L for 0, 1 and 1', () => {
    assert.equal(normalizeRecoveryCode(' AB2CD - 3EF4G '), 'ab2cd3ef4g');
    assert.equal(normalizeRecoveryCode('OOIIL-XYZ98'), '00111xyz98');
    assert.equal(normalizeRecoveryCode('abcde-fghj'), undefined, 'too short');
    assert.equal(normalizeRecoveryCode('abcde-fghju'), undefined, 'U is not in the alphabet');
    assert.equal(normalizeRecoveryCode('abcde_fghjk'), undefined);
  });
});
