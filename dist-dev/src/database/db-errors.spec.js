"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
const strict_1 = __importDefault(require("node:assert/strict"));
const node_test_1 = require("node:test");
const db_errors_1 = require("./db-errors");
(0, node_test_1.describe)('database unavailability', () => {
    (0, node_test_1.it)('recognises connection-class failures', () => {
        for (const err of [
            { code: '57P01', message: 'terminating connection due to administrator command' },
            { code: '57P03', message: 'the database system is starting up' },
            { code: '08006', message: 'connection failure' },
            { code: '57014', message: 'canceling statement due to statement timeout' },
            Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }),
            new Error('Connection terminated unexpectedly'),
            new Error('timeout exceeded when trying to connect'),
            new Error('Query read timeout'),
            { driverError: { code: '57P01' } },
        ]) {
            strict_1.default.equal((0, db_errors_1.isDatabaseUnavailable)(err), true, JSON.stringify(err) + String(err));
        }
    });
    (0, node_test_1.it)('leaves query errors to be what they are', () => {
        for (const err of [{ code: '23505', message: 'duplicate key' }, { code: '42P01' }, new Error('boom'), null, 'text']) {
            strict_1.default.equal((0, db_errors_1.isDatabaseUnavailable)(err), false);
        }
    });
});
//# sourceMappingURL=db-errors.spec.js.map