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
