import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isDatabaseUnavailable } from './db-errors';

describe('database unavailability', () => {
  it('recognises connection-class failures', () => {
    for (const err of [
      { code: '57P01', message: 'terminating connection due to administrator command' },
      { code: '57P03', message: 'the database system is starting up' },
      { code: '08006', message: 'connection failure' },
      { code: '57014', message: 'canceling statement due to statement timeout' },
      Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }),
      new Error('Connection terminated unexpectedly'),
      new Error('timeout exceeded when trying to connect'),
      new Error('Query read timeout'),
      { driverError: { code: '57P01' } },
    ]) {
      assert.equal(isDatabaseUnavailable(err), true, JSON.stringify(err) + String(err));
    }
  });

  it('leaves query errors to be what they are', () => {
    for (const err of [{ code: '23505', message: 'duplicate key' }, { code: '42P01' }, new Error('boom'), null, 'text']) {
      assert.equal(isDatabaseUnavailable(err), false);
    }
  });
});
