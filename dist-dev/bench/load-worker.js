"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const http_client_1 = require("./http-client");
const stats_1 = require("./stats");
const client = new http_client_1.JsonClient(Number(process.argv[2]), 64);
process.on('message', async (req) => {
    if (req === 'close') {
        client.close();
        process.disconnect();
        return;
    }
    let firstError;
    const result = await (0, stats_1.runPhase)(req.total, req.concurrency, async (i) => {
        const reply = await client.post(req.path, req.tokens[i], req.bodies[i], req.ips[i]);
        const ok = reply.status === req.expectStatus;
        if (!ok)
            firstError ??= `${reply.status} ${JSON.stringify(reply.body)}`;
        return ok;
    });
    process.send(firstError ? { ...result, firstError } : result);
});
//# sourceMappingURL=load-worker.js.map