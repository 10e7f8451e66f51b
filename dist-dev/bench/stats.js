"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.summarise = summarise;
exports.runPhase = runPhase;
function percentile(sorted, p) {
    if (!sorted.length)
        return 0;
    return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}
const round = (n, digits = 2) => Math.round(n * 10 ** digits) / 10 ** digits;
function summarise(latenciesMs, elapsedMs, errors) {
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
async function runPhase(total, concurrency, op) {
    const latencies = [];
    let errors = 0;
    let next = 0;
    const started = performance.now();
    await Promise.all(Array.from({ length: concurrency }, async () => {
        while (next < total) {
            const i = next++;
            const t0 = performance.now();
            const ok = await op(i);
            latencies.push(performance.now() - t0);
            if (!ok)
                errors++;
        }
    }));
    return summarise(latencies, performance.now() - started, errors);
}
//# sourceMappingURL=stats.js.map