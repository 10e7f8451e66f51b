"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.BackgroundTasks = void 0;
class BackgroundTasks {
    running = new Set();
    closing = false;
    run(work) {
        if (this.closing)
            return;
        const task = work().finally(() => this.running.delete(task));
        this.running.add(task);
    }
    async settled() {
        await Promise.allSettled(this.running);
    }
    close() {
        this.closing = true;
        return this.settled();
    }
}
exports.BackgroundTasks = BackgroundTasks;
//# sourceMappingURL=background-tasks.js.map