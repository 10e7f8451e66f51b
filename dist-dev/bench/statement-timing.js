"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.timeStatements = timeStatements;
const pg_1 = require("pg");
async function timeStatements(run) {
    const times = new Map();
    const original = pg_1.Client.prototype.query;
    const record = (statement, started) => {
        const t = times.get(statement) ?? { count: 0, ms: 0 };
        t.count += 1;
        t.ms += Number(process.hrtime.bigint() - started) / 1e6;
        times.set(statement, t);
    };
    const timed = (statement, started, callback) => (...args) => {
        record(statement, started);
        callback(...args);
    };
    pg_1.Client.prototype.query = function (config, values, callback) {
        const text = typeof config === 'string' ? config : (config?.text ?? '');
        const statement = text.replace(/\s+/g, ' ').trim().slice(0, 60);
        const started = process.hrtime.bigint();
        const query = original;
        if (typeof values === 'function')
            return query.call(this, config, timed(statement, started, values));
        if (typeof callback === 'function')
            return query.call(this, config, values, timed(statement, started, callback));
        const result = query.call(this, config, values);
        if (result instanceof Promise)
            void result.then(() => record(statement, started), () => undefined);
        return result;
    };
    try {
        await run();
    }
    finally {
        pg_1.Client.prototype.query = original;
    }
    return [...times]
        .map(([statement, t]) => ({ statement, count: t.count, meanMs: Math.round((t.ms / t.count) * 100) / 100 }))
        .sort((a, b) => b.meanMs * b.count - a.meanMs * a.count);
}
//# sourceMappingURL=statement-timing.js.map