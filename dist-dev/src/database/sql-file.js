"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.sqlFile = sqlFile;
const node_fs_1 = require("node:fs");
const node_path_1 = require("node:path");
function sqlFile(pathInSrc) {
    const fromDist = (0, node_path_1.join)(__dirname, '..', '..', '..', 'src', pathInSrc);
    const fromSrc = (0, node_path_1.join)(__dirname, '..', pathInSrc);
    for (const candidate of [fromDist, fromSrc]) {
        try {
            return (0, node_fs_1.readFileSync)(candidate, 'utf8');
        }
        catch {
        }
    }
    throw new Error(`SQL file not found: src/${pathInSrc}`);
}
//# sourceMappingURL=sql-file.js.map