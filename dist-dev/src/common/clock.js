"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.SystemClock = exports.Clock = void 0;
exports.Clock = Symbol('Clock');
class SystemClock {
    now() {
        return new Date();
    }
}
exports.SystemClock = SystemClock;
//# sourceMappingURL=clock.js.map