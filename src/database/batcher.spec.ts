import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Batcher } from './batcher';

describe('Batcher', () => {
  it('writes a lone item at once, and items arriving during a write together in the next', async () => {
    const writes: number[][] = [];
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const batcher = new Batcher<number>(async (items) => {
      writes.push(items);
      if (writes.length === 1) await gate;
    });
    const first = batcher.add(1);
    const rest = [2, 3, 4].map((n) => batcher.add(n));
    assert.deepEqual(writes, [[1]]);
    release();
    await Promise.all([first, ...rest]);
    assert.deepEqual(writes, [[1], [2, 3, 4]]);
  });

  it('rejects every caller of a failed write, and goes on with the next', async () => {
    let fail = true;
    const batcher = new Batcher<number>(async () => {
      if (fail) {
        fail = false;
        throw new Error('down');
      }
    });
    await assert.rejects(batcher.add(1), /down/);
    await batcher.add(2);
  });
});

describe('Batcher with results and bounds', () => {
  it("answers each caller its own item's result, and takes at most maxItems per write", async () => {
    const writes: number[][] = [];
    const batcher = new Batcher<number, number>(
      async (items) => {
        writes.push(items);
        await Promise.resolve();
        return items.map((n) => n * 10);
      },
      { maxItems: 2 },
    );
    const results = await Promise.all([1, 2, 3, 4, 5].map((n) => batcher.add(n)));
    assert.deepEqual(results, [10, 20, 30, 40, 50]);
    assert.deepEqual(writes, [[1], [2, 3], [4, 5]]);
  });

  it('with a wait set, an idle batcher waits for company; without one a lone item goes at once', async () => {
    const writes: number[][] = [];
    const write = async (items: number[]) => void writes.push(items);
    const waiting = new Batcher<number>(write, { waitMicros: 2000 });
    const first = waiting.add(1);
    assert.deepEqual(writes, [], 'not yet');
    await Promise.all([first, waiting.add(2)]);
    assert.deepEqual(writes, [[1, 2]]);
    void new Batcher<number>(write).add(3);
    assert.deepEqual(writes, [[1, 2], [3]], 'at once, in the same turn');
  });

  it('with splitOnError, a batch that fails as a whole is written again item by item: each caller its own outcome', async () => {
    const writes: number[][] = [];
    const batcher = new Batcher<number, number>(
      async (items) => {
        writes.push(items);
        await Promise.resolve();
        if (items.includes(3)) throw new Error(`bad ${items.join(',')}`);
        return items;
      },
      { splitOnError: (err) => (err as Error).message !== 'connection lost' },
    );
    const results = await Promise.allSettled([1, 2, 3, 4].map((n) => batcher.add(n)));
    assert.deepEqual(results.map((r) => (r.status === 'fulfilled' ? r.value : (r.reason as Error).message)), [1, 2, 'bad 3', 4]);
    assert.deepEqual(writes, [[1], [2, 3, 4], [2], [3], [4]]);
  });

  it('a failure splitOnError does not name (the batch may have committed unseen) rejects every caller, written once', async () => {
    const writes: number[][] = [];
    let lost = false;
    const batcher = new Batcher<number>(
      async (items) => {
        writes.push(items);
        await Promise.resolve();
        if (lost) throw new Error('connection lost');
        lost = true;
      },
      { splitOnError: (err) => (err as Error).message !== 'connection lost' },
    );
    const results = await Promise.allSettled([1, 2, 3].map((n) => batcher.add(n)));
    assert.deepEqual(results.map((r) => r.status), ['fulfilled', 'rejected', 'rejected']);
    assert.deepEqual(writes, [[1], [2, 3]], 'not written again');
  });

  it('with maxInFlight 2, a second write starts while the first is in flight; the rest queue for whichever finishes', async () => {
    const writes: number[][] = [];
    const gates: (() => void)[] = [];
    const batcher = new Batcher<number>(
      async (items) => {
        writes.push(items);
        await new Promise<void>((r) => gates.push(r));
      },
      { maxInFlight: 2 },
    );
    const all = [1, 2, 3, 4, 5].map((n) => batcher.add(n));
    assert.deepEqual(writes, [[1], [2]], 'two lone writes at once');
    gates[0]();
    await new Promise((r) => setImmediate(r));
    assert.deepEqual(writes, [[1], [2], [3, 4, 5]], 'the first writer took the queue');
    gates[1]();
    gates[2]();
    await Promise.all(all);
    assert.equal(writes.length, 3);
  });
});
