"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
const strict_1 = __importDefault(require("node:assert/strict"));
const node_fs_1 = require("node:fs");
const node_path_1 = require("node:path");
const node_test_1 = require("node:test");
const mfa_config_1 = require("../src/config/mfa-config");
const ROOT = (0, node_path_1.join)(__dirname, '..', '..');
const read = (path) => (0, node_fs_1.readFileSync)((0, node_path_1.join)(ROOT, path), 'utf8');
const PAGES = ['README.md', ...(0, node_fs_1.readdirSync)((0, node_path_1.join)(ROOT, 'docs')).map((f) => `docs/${f}`)];
(0, node_test_1.describe)('the docs', () => {
    (0, node_test_1.it)('docs/configuration.md lists every variable the module reads, and no other', () => {
        const page = read('docs/configuration.md').split('\n## Every variable')[1].split('\n## Demo and benchmark only')[0];
        const documented = [...page.matchAll(/^\| `([A-Z0-9_<>]+)` \|/gm)].map((m) => m[1]);
        strict_1.default.deepEqual([...new Set(documented)].sort(), mfa_config_1.SETTINGS_REFERENCE.map((s) => s.variable).sort());
        strict_1.default.equal(documented.length, new Set(documented).size, 'each variable has one row');
    });
    (0, node_test_1.it)('keeps the README within 400 lines', () => {
        strict_1.default.ok(read('README.md').split('\n').length <= 400);
    });
    (0, node_test_1.it)('links only to files that exist', () => {
        for (const page of PAGES) {
            for (const [, target] of read(page).matchAll(/\]\((?!https?:|#|mailto:)([^)#\s]+)(?:#[^)]*)?\)/g)) {
                strict_1.default.ok((0, node_fs_1.existsSync)((0, node_path_1.join)(ROOT, (0, node_path_1.dirname)(page), target)), `${page} links to ${target}`);
            }
        }
    });
    (0, node_test_1.it)("embeds the example host's SMS provider as it is", () => {
        const example = read('examples/nest-host/src/acme-sms.provider.ts');
        strict_1.default.ok(read('docs/channels.md').includes(example), 'docs/channels.md embeds examples/nest-host/src/acme-sms.provider.ts');
    });
});
//# sourceMappingURL=docs.spec.js.map