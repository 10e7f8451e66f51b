"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.JsonClient = void 0;
const node_http_1 = require("node:http");
class JsonClient {
    port;
    agent;
    constructor(port, maxSockets) {
        this.port = port;
        this.agent = new node_http_1.Agent({ keepAlive: true, maxSockets });
    }
    post(path, token, body, forwardedFor) {
        const payload = JSON.stringify(body);
        return new Promise((resolve, reject) => {
            const req = (0, node_http_1.request)({
                host: '127.0.0.1',
                port: this.port,
                path,
                method: 'POST',
                agent: this.agent,
                headers: {
                    'content-type': 'application/json',
                    'content-length': Buffer.byteLength(payload),
                    authorization: `Bearer ${token}`,
                    ...(forwardedFor ? { 'x-forwarded-for': forwardedFor } : {}),
                },
            }, (res) => {
                const chunks = [];
                res.on('data', (c) => chunks.push(c));
                res.on('end', () => {
                    const text = Buffer.concat(chunks).toString('utf8');
                    resolve({ status: res.statusCode ?? 0, body: text ? JSON.parse(text) : undefined });
                });
            });
            req.on('error', reject);
            req.end(payload);
        });
    }
    close() {
        this.agent.destroy();
    }
}
exports.JsonClient = JsonClient;
//# sourceMappingURL=http-client.js.map