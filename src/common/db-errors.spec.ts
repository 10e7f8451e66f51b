import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isDatabaseUnavailable, rolledBack } from './db-errors';

describe('database unavailability', () => {
  it('recognises connection-class failures', () => {
    for (const err of [
      { code: '57P01', message: 'terminating connection due to administrator command' },
      { code: '57P03', message: 'the database system is starting up' },
      { code: '08006', message: 'connection failure' },
      { code: '57014', message: 'canceling statement due to statement timeout' },
      { code: '40P01', message: 'deadlock detected' },
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

  it('a statement may run again only after an error the server reported (its transaction rolled back)', () => {
    for (const code of ['23505', '23P01', '40P01', '57014', '22001']) assert.equal(rolledBack({ code }), true, code);
    for (const err of [{ code: '08006' }, { code: '57P01' }, { code: 'EPIPE' }, { code: 'ECONNRESET' }, new Error('Connection terminated unexpectedly'), null]) {
      assert.equal(rolledBack(err), false, JSON.stringify(err) + String(err));
    }
  });
});
