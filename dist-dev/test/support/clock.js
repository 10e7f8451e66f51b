"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.FakeClock = void 0;
class FakeClock {
    time;
    constructor(time = Date.parse('2026-01-15T10:00:00Z')) {
        this.time = time;
    }
    now() {
        return new Date(this.time);
    }
    advance(ms) {
        this.time += ms;
    }
    advanceMinutes(minutes) {
        this.advance(minutes * 60_000);
    }
}
exports.FakeClock = FakeClock;
//# sourceMappingURL=clock.js.map