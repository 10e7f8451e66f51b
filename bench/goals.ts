import type { Ceiling } from './ceiling';
import type { PeerResults } from './peer';
import type { PhaseResult } from './stats';

/** One goal of the performance contract: the figure, what it is compared with, and the bound. */
export interface GoalRow {
  goal: string;
  ours: number;
  /** What ours is compared with: the peer's figure, or our own baseline. */
  versus?: number;
  /** ours / versus (or ours alone when there is nothing to compare with). */
  ratio: number;
  target: string;
  met: boolean;
}

type Levels = Record<string, PhaseResult>;

export interface OurResults {
  send: Levels;
  verify: Levels;
  /** Mean batch size of each group-committed write during the sends, by level. */
  batches?: Record<string, Record<string, number>>;
}

export interface ScaleResults {
  rows: number;
  challenges: number;
  preloadSeconds: number;
  send: PhaseResult;
  verify: PhaseResult;
  /** Sends at c32 at scale, without and while the cleanup of a day's expired rows runs. */
  sendC32: PhaseResult;
  sendDuringCleanup: PhaseResult;
  cleanupSeconds: number;
  cleanedRows: number;
}

const r2 = (n: number) => Math.round(n * 100) / 100;

function row(goal: string, ours: number, versus: number, bound: number, atLeast: boolean): GoalRow {
  const ratio = r2(ours / versus);
  return { goal, ours, versus, ratio, target: `${atLeast ? '≥' : '≤'} ${bound}×`, met: atLeast ? ratio >= bound : ratio <= bound };
}

/**
 * The goals of the performance issue: throughput and p99 at c = 32 and p50 at
 * c = 1 against the peer (when it ran), sends against the Postgres ceiling
 * (pgbench running the issue statement, when installed), the send log at scale against our own
 * empty-database run, sends while the cleanup runs, the HTTP adapter measured
 * against the other one, and memory.
 */
export function goalRows(
  ours: OurResults,
  peer: PeerResults | undefined,
  scale: ScaleResults | undefined,
  peakRssMb: number,
  adapters: Record<string, OurResults>,
  ceilings: Ceiling[] = [],
): GoalRow[] {
  const rows: GoalRow[] = [];
  if (ceilings.length) {
    const ceiling = Math.max(...ceilings.map((c) => c.sendsPerSecond));
    rows.push(row('send c32 throughput vs Postgres ceiling (pgbench)', ours.send.c32.ops, ceiling, 0.5, true));
  }
  if (peer) {
    for (const op of ['send', 'verify'] as const) {
      const c32 = ours[op].c32;
      const peer32 = peer[op].c32;
      rows.push(row(`${op} c32 throughput (ops/s) vs peer`, c32.ops, peer32.ops, op === 'send' ? 2 : 4, true));
      rows.push(row(`${op} c32 p99 (ms) vs peer`, c32.p99, peer32.p99, 0.5, false));
      rows.push(row(`${op} c1 p50 (ms) vs peer`, ours[op].c1.p50, peer[op].c1.p50, 0.8, false));
    }
  }
  if (scale) {
    const millions = `${Math.round(scale.rows / 1e6)}M rows`;
    rows.push(row(`send c1 p50 (ms) at ${millions} vs empty`, scale.send.p50, ours.send.c1.p50, 1.3, false));
    rows.push(row(`verify c1 p50 (ms) at ${millions} vs empty`, scale.verify.p50, ours.verify.c1.p50, 1.3, false));
    rows.push(row(`send c32 p99 (ms) during cleanup vs without`, scale.sendDuringCleanup.p99, scale.sendC32.p99, 2, false));
  }
  // The adapter measured above against the one it was chosen over: the default must not be the slower one.
  const [chosen, other] = Object.keys(adapters);
  for (const op of ['send', 'verify'] as const) {
    const versus = `${chosen} vs ${other}`;
    rows.push(row(`${op} c32 throughput, ${versus}`, adapters[chosen][op].c32.ops, adapters[other][op].c32.ops, 1, true));
    rows.push(row(`${op} c1 p50 (ms), ${versus}`, adapters[chosen][op].c1.p50, adapters[other][op].c1.p50, 1, false));
  }
  rows.push({ goal: 'server RSS (MB), peak', ours: peakRssMb, ratio: peakRssMb, target: '≤ 200 MB', met: peakRssMb <= 200 });
  return rows;
}

export function printGoals(rows: GoalRow[]): void {
  console.log('\ngoal                                              ours     versus    ratio   target    met');
  for (const r of rows) {
    console.log(
      `${r.goal.padEnd(48)} ${String(r.ours).padStart(8)} ${String(r.versus ?? '').padStart(10)} ${String(r.ratio).padStart(8)}   ${r.target.padEnd(9)} ${r.met ? 'yes' : 'NO'}`,
    );
  }
}
