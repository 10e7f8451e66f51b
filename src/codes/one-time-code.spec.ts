import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CodeHasher, generateCode } from './one-time-code';

describe('generateCode', () => {
  it('gives exactly `length` digits for every length from 4 to 10', () => {
    for (let length = 4; length <= 10; length++) {
      for (let i = 0; i < 200; i++) assert.match(generateCode(length), new RegExp(`^\\d{${length}}$`));
    }
  });

  it('keeps leading zeros and uses every digit in every position', () => {
    const seen = Array.from({ length: 4 }, () => new Set<string>());
    let leadingZero = false;
    for (let i = 0; i < 5000; i++) {
      const code = generateCode(4);
      if (code.startsWith('0')) leadingZero = true;
      [...code].forEach((d, pos) => seen[pos].add(d));
    }
    assert.ok(leadingZero);
    assert.ok(seen.every((s) => s.size === 10));
  });
});

describe('CodeHasher', () => {
  const hasher = new CodeHasher('k'.repeat(32));

  it('matches the right code for its own challenge only', () => {
    const stored = hasher.hash('challenge-a', '123456');
    assert.equal(hasher.matches('challenge-a', '123456', stored), true);
    assert.equal(hasher.matches('challenge-a', '123457', stored), false);
    assert.equal(hasher.matches('challenge-b', '123456', stored), false);
  });

  it('depends on the secret', () => {
    const other = new CodeHasher('z'.repeat(32));
    assert.notDeepEqual(other.hash('c', '123456'), hasher.hash('c', '123456'));
  });

  it('refuses a stored value of the wrong length instead of throwing', () => {
    assert.equal(hasher.matches('c', '123456', Buffer.alloc(3)), false);
  });
});
