"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
const strict_1 = __importDefault(require("node:assert/strict"));
const node_test_1 = require("node:test");
const named_sql_1 = require("./named-sql");
(0, node_test_1.describe)('named SQL parameters', () => {
    (0, node_test_1.it)('numbers each name once, in order of first use, and leaves casts alone', () => {
        const q = (0, named_sql_1.named)('SELECT :a::int, :b, :a, now()::date, :c::text[]', { a: 1, b: 'x', c: ['y'] });
        strict_1.default.equal(q.text, 'SELECT $1::int, $2, $1, now()::date, $3::text[]');
        strict_1.default.deepEqual(q.params, [1, 'x', ['y']]);
    });
    (0, node_test_1.it)('refuses a missing value rather than sending NULL by accident', () => {
        strict_1.default.throws(() => (0, named_sql_1.named)('SELECT :missing', {}), /no value for :missing/);
    });
    (0, node_test_1.it)('leaves strings, quoted names, dollar bodies and comments alone; names may hold underscores', () => {
        const q = (0, named_sql_1.named)(`SELECT ':x', "a:b", $$ :y $$, :user_id -- :z\n, :user_id`, { user_id: 'u' });
        strict_1.default.equal(q.text, `SELECT ':x', "a:b", $$ :y $$, $1 -- :z\n, $1`);
        strict_1.default.deepEqual(q.params, ['u']);
    });
    (0, node_test_1.it)('takes only the values given, never inherited ones', () => {
        strict_1.default.throws(() => (0, named_sql_1.named)('SELECT :toString', {}), /no value for :toString/);
    });
});
//# sourceMappingURL=named-sql.spec.js.map