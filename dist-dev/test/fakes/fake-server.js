"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.FakeServer = void 0;
const node_crypto_1 = require("node:crypto");
const node_http_1 = require("node:http");
class FakeServer {
    requests = [];
    mode = { kind: 'ok' };
    waiters = [];
    server;
    sockets = new Set();
    async start() {
        this.server = (0, node_http_1.createServer)((req, res) => {
            const chunks = [];
            req.on('data', (c) => chunks.push(c));
            req.on('end', () => {
                const body = Buffer.concat(chunks).toString('utf8');
                const recorded = { path: req.url ?? '/', headers: req.headers, form: new URLSearchParams(body), body };
                this.requests.push(recorded);
                for (const wake of this.waiters.splice(0))
                    wake();
                if (this.mode.kind === 'hang')
                    return;
                const mode = this.mode;
                if (mode.kind === 'error' &&
                    (!mode.onlyTo || this.recipient(recorded).startsWith(mode.onlyTo)) &&
                    (!mode.onlyPath || recorded.path.includes(mode.onlyPath))) {
                    return this.answerError(res, mode.status, mode.code);
                }
                this.answer(recorded, mode.kind === 'error' ? { kind: 'ok' } : mode, res);
            });
        });
        this.server.on('connection', (s) => {
            this.sockets.add(s);
            s.on('close', () => this.sockets.delete(s));
        });
        await new Promise((resolve) => this.server.listen(0, '127.0.0.1', resolve));
        const { port } = this.server.address();
        return `http://127.0.0.1:${port}`;
    }
    async stop() {
        for (const s of this.sockets)
            s.destroy();
        await new Promise((resolve) => this.server?.close(() => resolve()) ?? resolve());
    }
    nextRequest() {
        return new Promise((resolve) => this.waiters.push(resolve));
    }
    reset(mode = { kind: 'ok' }) {
        this.requests.length = 0;
        this.mode = mode;
    }
    static id(bytes = 16) {
        return (0, node_crypto_1.randomBytes)(bytes).toString('hex');
    }
}
exports.FakeServer = FakeServer;
//# sourceMappingURL=fake-server.js.map