/** How a Batcher forms its batches. */
export interface BatchOptions {
  /** The most items one write takes. */
  maxItems?: number;
  /** How long an idle batcher waits for company before writing (µs; 0: a lone item goes at once). */
  waitMicros?: number;
  /** Told the size of every batch written (for the batch-size metric). */
  onWrite?: (size: number) => void;
  /**
   * A batch that fails as a whole (a constraint checked at commit, a lost
   * connection) is written again item by item, so that each caller gets its
   * own outcome and no item fails for another.
   */
  splitOnError?: boolean;
}

interface Queued<T, R> {
  item: T;
  resolve: (result: R) => void;
  reject: (err: unknown) => void;
}

/**
 * Group commit for one kind of write: calls made while a write is in flight
 * are queued and written together by the next one, in one statement. Each
 * caller's promise settles with its own item's result when the write is
 * stored (or rejects when it fails), so nothing is acknowledged before it is
 * stored. With no concurrency (and no wait set) every item is written alone,
 * at once. `write` answers one result per item, in order (or nothing, for
 * writes without one).
 */
export class Batcher<T, R = void> {
  private queue: Queued<T, R>[] = [];
  private flushing = false;
  private readonly maxItems: number;
  private readonly waitMs: number;

  constructor(
    private readonly write: (items: T[]) => Promise<R[] | void>,
    private readonly options: BatchOptions = {},
  ) {
    this.maxItems = options.maxItems ?? 500;
    this.waitMs = (options.waitMicros ?? 0) / 1000;
  }

  add(item: T): Promise<R> {
    return new Promise((resolve, reject) => {
      this.queue.push({ item, resolve, reject });
      if (this.flushing) return;
      this.flushing = true;
      if (this.waitMs > 0) setTimeout(() => void this.flush(), this.waitMs);
      else void this.flush();
    });
  }

  private async flush(): Promise<void> {
    while (this.queue.length) {
      const batch = this.queue.splice(0, this.maxItems);
      this.options.onWrite?.(batch.length);
      await this.writeBatch(batch, this.options.splitOnError && batch.length > 1);
    }
    this.flushing = false;
  }

  private async writeBatch(batch: Queued<T, R>[], split?: boolean): Promise<void> {
    try {
      const results = await this.write(batch.map((b) => b.item));
      batch.forEach((b, i) => b.resolve((results ?? [])[i] as R));
    } catch (err) {
      if (split) await Promise.all(batch.map((b) => this.writeBatch([b])));
      else for (const b of batch) b.reject(err);
    }
  }
}
