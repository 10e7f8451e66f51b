/** How a Batcher forms its batches. */
export interface BatchOptions {
  /** The most items one write takes. */
  maxItems?: number;
  /** How many writes may be in flight at once (each on its own connection); more calls queue for the next. */
  maxInFlight?: number;
  /** How long an idle batcher waits for company before writing (µs; 0: a lone item goes at once). */
  waitMicros?: number;
  /** Told the size of every batch written (for the batch-size metric). */
  onWrite?: (size: number) => void;
  /**
   * Which failures of a whole batch are written again item by item (one
   * after another), so that each caller gets its own outcome and no item
   * fails for another: those after which nothing of the batch was stored (a
   * constraint checked at commit, a deadlock). Any other failure (a lost
   * connection, after which the batch may have committed unseen) rejects
   * every caller.
   */
  splitOnError?: (err: unknown) => boolean;
  /** Told of every batch split after it failed as a whole (for the split metric). */
  onSplit?: () => void;
}

interface Queued<T, R> {
  item: T;
  resolve: (result: R) => void;
  reject: (err: unknown) => void;
}

/**
 * Group commit for one kind of write: calls made while writes are in flight
 * (at most maxInFlight) are queued and written together by the next one, in
 * one statement. Each caller's promise settles with its own item's result
 * when the write is stored (or rejects when it fails), so nothing is
 * acknowledged before it is stored. With no concurrency (and no wait set)
 * every item is written alone, at once. `write` answers one result per item,
 * in order (or nothing, for writes without one).
 */
export class Batcher<T, R = void> {
  private queue: Queued<T, R>[] = [];
  /** Writers running: each writes batches from the queue until it is empty. */
  private writers = 0;
  private readonly maxInFlight: number;
  private readonly maxItems: number;
  private readonly waitMs: number;

  constructor(
    private readonly write: (items: T[]) => Promise<R[] | void>,
    private readonly options: BatchOptions = {},
  ) {
    this.maxItems = options.maxItems ?? 500;
    this.maxInFlight = options.maxInFlight ?? 1;
    this.waitMs = (options.waitMicros ?? 0) / 1000;
  }

  add(item: T): Promise<R> {
    return new Promise((resolve, reject) => {
      this.queue.push({ item, resolve, reject });
      if (this.writers >= this.maxInFlight) return;
      this.writers++;
      if (this.waitMs > 0) setTimeout(() => void this.flush(), this.waitMs);
      else void this.flush();
    });
  }

  private async flush(): Promise<void> {
    try {
      while (this.queue.length) {
        const batch = this.queue.splice(0, this.maxItems);
        this.options.onWrite?.(batch.length);
        await this.writeBatch(batch);
      }
    } finally {
      this.writers--;
    }
  }

  private async writeBatch(batch: Queued<T, R>[]): Promise<void> {
    try {
      const results = await this.write(batch.map((b) => b.item));
      batch.forEach((b, i) => b.resolve((results ?? [])[i] as R));
    } catch (err) {
      if (batch.length > 1 && this.options.splitOnError?.(err)) {
        this.options.onSplit?.();
        for (const b of batch) await this.writeBatch([b]);
      } else {
        for (const b of batch) b.reject(err);
      }
    }
  }
}
