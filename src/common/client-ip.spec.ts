import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { clientKey } from './client-ip';

describe('client address keys', () => {
  it('keep IPv4 as is, also IPv4-mapped IPv6', () => {
    assert.equal(clientKey('203.0.113.9', 64), '203.0.113.9');
    assert.equal(clientKey('::ffff:203.0.113.9', 64), '203.0.113.9');
    assert.equal(clientKey('::FFFF:198.51.100.1', 64), '198.51.100.1');
  });

  it('key IPv6 on its /64: six addresses of one network are one client', () => {
    const keys = [1, 2, 3, 4, 5, 6].map((i) => clientKey(`2001:db8:abcd:12::${i}`, 64));
    assert.deepEqual(new Set(keys), new Set(['2001:db8:abcd:12::/64']));
    assert.equal(clientKey('2001:0db8:abcd:0012:ffff:1:2:3', 64), '2001:db8:abcd:12::/64');
    assert.notEqual(clientKey('2001:db8:abcd:13::1', 64), clientKey('2001:db8:abcd:12::1', 64));
  });

  it('honour other prefixes, zone ids and embedded IPv4 tails', () => {
    assert.equal(clientKey('2001:db8:abcd:12::1', 48), '2001:db8:abcd::/48');
    assert.equal(clientKey('2001:db8:abcd:12::1', 56), '2001:db8:abcd::/56');
    assert.equal(clientKey('2001:db8:abcd:12ff::1', 56), '2001:db8:abcd:1200::/56');
    assert.equal(clientKey('2001:db8::1', 128), '2001:db8::1/128');
    assert.equal(clientKey('fe80::1%eth0', 64), 'fe80::/64');
    assert.equal(clientKey('64:ff9b::192.0.2.33', 128), '64:ff9b::c000:221/128');
    assert.equal(clientKey('::1', 64), '::/64');
  });

  it('give nothing for no address or garbage', () => {
    assert.equal(clientKey(undefined, 64), undefined);
    assert.equal(clientKey('', 64), undefined);
    assert.equal(clientKey('not-an-ip', 64), undefined);
  });
});
