"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.goalRows = goalRows;
exports.printGoals = printGoals;
const r2 = (n) => Math.round(n * 100) / 100;
function row(goal, ours, versus, bound, atLeast) {
    const ratio = r2(ours / versus);
    return { goal, ours, versus, ratio, target: `${atLeast ? '≥' : '≤'} ${bound}×`, met: atLeast ? ratio >= bound : ratio <= bound };
}
function goalRows(ours, peer, scale, peakRssMb, adapters) {
    const rows = [];
    if (peer) {
        for (const op of ['send', 'verify']) {
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
    const [chosen, other] = Object.keys(adapters);
    for (const op of ['send', 'verify']) {
        const versus = `${chosen} vs ${other}`;
        rows.push(row(`${op} c32 throughput, ${versus}`, adapters[chosen][op].c32.ops, adapters[other][op].c32.ops, 1, true));
        rows.push(row(`${op} c1 p50 (ms), ${versus}`, adapters[chosen][op].c1.p50, adapters[other][op].c1.p50, 1, false));
    }
    rows.push({ goal: 'server RSS (MB), peak', ours: peakRssMb, ratio: peakRssMb, target: '≤ 200 MB', met: peakRssMb <= 200 });
    return rows;
}
function printGoals(rows) {
    console.log('\ngoal                                              ours     versus    ratio   target    met');
    for (const r of rows) {
        console.log(`${r.goal.padEnd(48)} ${String(r.ours).padStart(8)} ${String(r.versus ?? '').padStart(10)} ${String(r.ratio).padStart(8)}   ${r.target.padEnd(9)} ${r.met ? 'yes' : 'NO'}`);
    }
}
//# sourceMappingURL=goals.js.map