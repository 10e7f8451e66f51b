"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.Batcher = void 0;
class Batcher {
    write;
    maxBatch;
    queue = [];
    flushing = false;
    constructor(write, maxBatch = 500) {
        this.write = write;
        this.maxBatch = maxBatch;
    }
    add(item) {
        return new Promise((resolve, reject) => {
            this.queue.push({ item, resolve, reject });
            if (!this.flushing)
                void this.flush();
        });
    }
    async flush() {
        this.flushing = true;
        while (this.queue.length) {
            const batch = this.queue.splice(0, this.maxBatch);
            try {
                await this.write(batch.map((b) => b.item));
                for (const b of batch)
                    b.resolve();
            }
            catch (err) {
                for (const b of batch)
                    b.reject(err);
            }
        }
        this.flushing = false;
    }
}
exports.Batcher = Batcher;
//# sourceMappingURL=batcher.js.map