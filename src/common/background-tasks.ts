/**
 * Work started off the request path (a fallback call, conversion feedback):
 * kept until it settles, so that tests can wait for it and a shutdown lets it
 * finish before the database pool closes; once closing, nothing new starts
 * (it would reach for a pool that is going away). `run` never rejects: each
 * task handles its own failures.
 */
export class BackgroundTasks {
  private readonly running = new Set<Promise<void>>();
  private closing = false;

  run(work: () => Promise<void>): void {
    if (this.closing) return;
    const task: Promise<void> = work().finally(() => this.running.delete(task));
    this.running.add(task);
  }

  /** Resolves when every task started so far has settled. */
  async settled(): Promise<void> {
    await Promise.allSettled(this.running);
  }

  /** Stops new work and waits for the work in flight. */
  close(): Promise<void> {
    this.closing = true;
    return this.settled();
  }
}
