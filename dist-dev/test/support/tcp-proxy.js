"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.TcpProxy = void 0;
const node_net_1 = require("node:net");
class TcpProxy {
    target;
    server;
    sockets = new Set();
    mode = 'pass';
    constructor(target) {
        this.target = target;
    }
    async start(databaseUrl) {
        this.server = (0, node_net_1.createServer)((client) => {
            this.sockets.add(client);
            client.on('close', () => this.sockets.delete(client));
            client.on('error', () => undefined);
            if (this.mode === 'refuse')
                return client.destroy();
            if (this.mode === 'hang')
                return;
            const upstream = this.target.path ? (0, node_net_1.connect)(this.target.path) : (0, node_net_1.connect)(this.target.port, this.target.host);
            this.sockets.add(upstream);
            upstream.on('close', () => this.sockets.delete(upstream));
            upstream.on('error', () => client.destroy());
            client.on('error', () => upstream.destroy());
            client.pipe(upstream).pipe(client);
        });
        await new Promise((resolve) => this.server.listen(0, '127.0.0.1', resolve));
        const url = new URL(databaseUrl);
        url.hostname = '127.0.0.1';
        url.port = String(this.server.address().port);
        url.searchParams.delete('host');
        return url.toString();
    }
    cut() {
        this.mode = 'refuse';
        for (const s of this.sockets)
            s.destroy();
    }
    hang() {
        this.mode = 'hang';
        for (const s of this.sockets)
            s.destroy();
    }
    restore() {
        this.mode = 'pass';
    }
    async stop() {
        for (const s of this.sockets)
            s.destroy();
        await new Promise((resolve) => this.server?.close(() => resolve()) ?? resolve());
    }
    static targetOf(databaseUrl) {
        const url = new URL(databaseUrl);
        const socketDir = url.searchParams.get('host');
        if (socketDir)
            return { path: `${socketDir}/.s.PGSQL.${url.port || 5432}` };
        return { host: url.hostname, port: Number(url.port || 5432) };
    }
}
exports.TcpProxy = TcpProxy;
//# sourceMappingURL=tcp-proxy.js.map