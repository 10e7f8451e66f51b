"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.CapturingLogger = void 0;
const node_stream_1 = require("node:stream");
const LEVELS = { 10: 'verbose', 20: 'debug', 30: 'log', 40: 'warn', 50: 'error', 60: 'fatal' };
class CapturingLogger extends node_stream_1.Writable {
    lines = [];
    raw = [];
    _write(chunk, _encoding, done) {
        for (const text of chunk.toString('utf8').split('\n').filter(Boolean)) {
            this.raw.push(text);
            const entry = JSON.parse(text);
            this.lines.push([LEVELS[entry.level] ?? entry.level, entry.msg ?? '', entry.context ?? '', entry.err?.stack ?? ''].join(' ').trim());
        }
        done();
    }
    push(level, message, rest) {
        this.lines.push([level, format(message), ...rest.map(format)].join(' '));
    }
    log(message, ...rest) {
        this.push('log', message, rest);
    }
    error(message, ...rest) {
        this.push('error', message, rest);
    }
    warn(message, ...rest) {
        this.push('warn', message, rest);
    }
    debug(message, ...rest) {
        this.push('debug', message, rest);
    }
    verbose(message, ...rest) {
        this.push('verbose', message, rest);
    }
}
exports.CapturingLogger = CapturingLogger;
function format(value) {
    if (typeof value === 'string')
        return value;
    if (value instanceof Error)
        return `${value.message} ${value.stack ?? ''}`;
    return JSON.stringify(value);
}
//# sourceMappingURL=capturing-logger.js.map