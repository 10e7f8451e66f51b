"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.runPeer = runPeer;
const node_child_process_1 = require("node:child_process");
const node_fs_1 = require("node:fs");
const node_os_1 = require("node:os");
const node_path_1 = require("node:path");
const scale_1 = require("./scale");
const database_1 = require("../test/support/database");
async function runPeer(folder) {
    if (!process.env.DATABASE_URL)
        throw new Error('--peer needs DATABASE_URL: both benchmarks must use the same Postgres');
    const source = (0, node_path_1.resolve)(folder);
    if (!(0, node_fs_1.existsSync)((0, node_path_1.join)(source, 'bench.mjs')))
        throw new Error(`no bench.mjs in ${source}`);
    const work = (0, node_path_1.join)((0, node_os_1.tmpdir)(), 'mfa-peer-bench');
    (0, node_fs_1.mkdirSync)(work, { recursive: true });
    (0, node_fs_1.cpSync)(source, work, { recursive: true, filter: (path) => !path.includes('node_modules') });
    if (!(0, node_fs_1.existsSync)((0, node_path_1.join)(work, 'node_modules'))) {
        console.log(`installing the peer benchmark in ${work} (npm ci, once)`);
        (0, node_child_process_1.execFileSync)('npm', ['ci', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: work, stdio: 'inherit' });
    }
    const db = await (0, database_1.createTestDatabase)();
    await (0, scale_1.checkpoint)(db.url);
    try {
        const out = await new Promise((done, fail) => {
            const child = (0, node_child_process_1.spawn)(process.execPath, ['bench.mjs'], { cwd: work, env: { ...process.env, DATABASE_URL: db.url } });
            let stdout = '';
            child.stdout.on('data', (chunk) => (stdout += chunk.toString()));
            child.stderr.on('data', (chunk) => process.stderr.write(chunk));
            child.on('error', fail);
            child.on('exit', (code) => (code === 0 ? done(stdout) : fail(new Error(`peer benchmark exited with ${code}`))));
        });
        return JSON.parse(out.trim().split('\n').at(-1));
    }
    finally {
        await db.drop();
    }
}
//# sourceMappingURL=peer.js.map