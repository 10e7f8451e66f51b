export interface PhaseResult {
  ops: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
  count: number;
  /** The first unexpected answer, when there were errors. */
  firstError?: string;
}

function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

const round = (n: number, digits = 2) => Math.round(n * 10 ** digits) / 10 ** digits;

export function summarise(latenciesMs: number[], elapsedMs: number, errors: number): PhaseResult {
  const sorted = [...latenciesMs].sort((a, b) => a - b);
  return {
    ops: round((latenciesMs.length / elapsedMs) * 1000, 0),
    p50: round(percentile(sorted, 50)),
    p95: round(percentile(sorted, 95)),
    p99: round(percentile(sorted, 99)),
    errors,
    count: latenciesMs.length,
  };
}

/** Runs `total` operations with `concurrency` workers; op(i) resolves true on the expected answer. */
export async function runPhase(
  total: number,
  concurrency: number,
  op: (i: number) => Promise<boolean>,
): Promise<PhaseResult> {
  const latencies: number[] = [];
  let errors = 0;
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < total) {
        const i = next++;
        const t0 = performance.now();
        const ok = await op(i);
        latencies.push(performance.now() - t0);
        if (!ok) errors++;
      }
    }),
  );
  return summarise(latencies, performance.now() - started, errors);
}
