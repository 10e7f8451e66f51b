"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.startEmbeddedPostgres = startEmbeddedPostgres;
const node_fs_1 = require("node:fs");
const node_os_1 = require("node:os");
const node_path_1 = require("node:path");
const pglite_1 = require("@electric-sql/pglite");
const pglite_socket_1 = require("@electric-sql/pglite-socket");
async function startEmbeddedPostgres(dataDir, maxConnections) {
    let path = 'memory://';
    if (dataDir) {
        path = (0, node_path_1.resolve)(dataDir, 'pglite');
        (0, node_fs_1.mkdirSync)(path, { recursive: true });
    }
    const db = await pglite_1.PGlite.create(path);
    const socketDir = (0, node_fs_1.mkdtempSync)((0, node_path_1.join)((0, node_os_1.tmpdir)(), 'mfa-pg-'));
    const server = new pglite_socket_1.PGLiteSocketServer({ db, path: (0, node_path_1.join)(socketDir, '.s.PGSQL.5432'), maxConnections });
    keepExtendedQueriesWhole(server);
    await server.start();
    return {
        url: `postgres://postgres@localhost/postgres?host=${encodeURIComponent(socketDir)}`,
        async stop() {
            await server.stop();
            await db.close();
            (0, node_fs_1.rmSync)(socketDir, { recursive: true, force: true });
        },
    };
}
const PARSE = 0x50;
const BIND = 0x42;
const DESCRIBE = 0x44;
const EXECUTE = 0x45;
const CLOSE = 0x43;
const DEFERRED = new Set([PARSE, BIND, DESCRIBE, EXECUTE, CLOSE]);
function keepExtendedQueriesWhole(server) {
    const queue = server.queryQueue;
    const enqueue = queue.enqueue.bind(queue);
    const held = new Map();
    queue.enqueue = (handlerId, message, onData) => {
        const parts = held.get(handlerId);
        if (DEFERRED.has(message[0])) {
            if (parts)
                parts.push(message);
            else
                held.set(handlerId, [message]);
            return Promise.resolve(0);
        }
        if (!parts)
            return enqueue(handlerId, message, onData);
        held.delete(handlerId);
        return enqueue(handlerId, Buffer.concat([...parts, message]), onData);
    };
}
//# sourceMappingURL=embedded-postgres.js.map