"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
const strict_1 = __importDefault(require("node:assert/strict"));
const node_test_1 = require("node:test");
const batcher_1 = require("./batcher");
(0, node_test_1.describe)('Batcher', () => {
    (0, node_test_1.it)('writes a lone item at once, and items arriving during a write together in the next', async () => {
        const writes = [];
        let release;
        const gate = new Promise((r) => (release = r));
        const batcher = new batcher_1.Batcher(async (items) => {
            writes.push(items);
            if (writes.length === 1)
                await gate;
        });
        const first = batcher.add(1);
        const rest = [2, 3, 4].map((n) => batcher.add(n));
        strict_1.default.deepEqual(writes, [[1]]);
        release();
        await Promise.all([first, ...rest]);
        strict_1.default.deepEqual(writes, [[1], [2, 3, 4]]);
    });
    (0, node_test_1.it)('rejects every caller of a failed write, and goes on with the next', async () => {
        let fail = true;
        const batcher = new batcher_1.Batcher(async () => {
            if (fail) {
                fail = false;
                throw new Error('down');
            }
        });
        await strict_1.default.rejects(batcher.add(1), /down/);
        await batcher.add(2);
    });
});
//# sourceMappingURL=batcher.spec.js.map