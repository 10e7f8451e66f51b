import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { named } from './named-sql';

describe('named SQL parameters', () => {
  it('numbers each name once, in order of first use, and leaves casts alone', () => {
    const q = named('SELECT :a::int, :b, :a, now()::date, :c::text[]', { a: 1, b: 'x', c: ['y'] });
    assert.equal(q.text, 'SELECT $1::int, $2, $1, now()::date, $3::text[]');
    assert.deepEqual(q.params, [1, 'x', ['y']]);
  });

  it('refuses a missing value rather than sending NULL by accident', () => {
    assert.throws(() => named('SELECT :missing', {}), /no value for :missing/);
  });

  it('leaves strings, quoted names, dollar bodies and comments alone; names may hold underscores', () => {
    const q = named(`SELECT ':x', "a:b", $$ :y $$, :user_id -- :z\n, :user_id`, { user_id: 'u' });
    assert.equal(q.text, `SELECT ':x', "a:b", $$ :y $$, $1 -- :z\n, $1`);
    assert.deepEqual(q.params, ['u']);
  });

  it('takes only the values given, never inherited ones', () => {
    assert.throws(() => named('SELECT :toString', {}), /no value for :toString/);
  });
});
