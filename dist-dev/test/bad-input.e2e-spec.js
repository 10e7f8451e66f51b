"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
const strict_1 = __importDefault(require("node:assert/strict"));
const node_test_1 = require("node:test");
const app_1 = require("./support/app");
const huge = 'x'.repeat(64 * 1024);
const CASES = [
    ['truncated JSON', '/mfa/sms/enroll', '{"phoneNumber":', 'application/json'],
    ['JSON null', '/mfa/sms/enroll', 'null', 'application/json'],
    ['JSON array', '/mfa/sms/enroll', '[1,2]', 'application/json'],
    ['JSON string', '/mfa/sms/verify', '"123456"', 'application/json'],
    ['empty object', '/mfa/sms/enroll', {}],
    ['number instead of string', '/mfa/sms/enroll', { phoneNumber: 14155550100 }],
    ['object instead of string', '/mfa/sms/enroll', { phoneNumber: { $gt: '' } }],
    ['array instead of string', '/mfa/sms/verify', { code: ['123456'] }],
    ['unknown property', '/mfa/sms/verify', { code: '123456', admin: true }],
    ['prototype pollution', '/mfa/sms/verify', '{"code":"12345","__proto__":{"polluted":1}}', 'application/json'],
    ['letters in a phone', '/mfa/sms/enroll', { phoneNumber: '+1-800-FLOWERS' }],
    ['national format', '/mfa/sms/enroll', { phoneNumber: '415 555 0100' }],
    ['too long phone', '/mfa/sms/enroll', { phoneNumber: '+1' + '5'.repeat(40) }],
    ['unicode digits', '/mfa/sms/enroll', { phoneNumber: '+١٤١٥٥٥٥٠١٠٠' }],
    ['invalid number', '/mfa/sms/enroll', { phoneNumber: '+999123' }],
    ['landline', '/mfa/sms/enroll', { phoneNumber: '+4930123456' }],
    ['code with letters', '/mfa/sms/verify', { code: '12a456' }],
    ['code too short', '/mfa/sms/verify', { code: '123' }],
    ['code wrong length', '/mfa/sms/verify', { code: '1234567' }],
    ['code as number', '/mfa/sms/verify', { code: 123456 }],
    ['huge body', '/mfa/sms/enroll', { phoneNumber: huge }],
    ['text body', '/mfa/sms/verify', 'code', 'text/plain'],
    ['challenge with junk number', '/mfa/sms/challenge', { phoneNumber: 'junk' }],
];
(0, node_test_1.describe)('bad input of every shape gets a 4xx with a stable code', () => {
    const fixture = (0, app_1.useTestApp)({ cooldownMinutes: 0 }, async (t) => {
        await (0, app_1.enrollVerified)(t, 'tester', '+14152010120');
        await t.http.post('/mfa/sms/challenge').set('Authorization', `Bearer ${t.token('tester')}`).send({}).expect(202);
    });
    let t;
    (0, node_test_1.beforeEach)(() => {
        t = fixture.t;
    });
    for (const [name, path, body, contentType] of CASES) {
        (0, node_test_1.it)(`${name} → 4xx`, async () => {
            let req = t.http.post(path).set('Authorization', `Bearer ${t.token('tester')}`);
            if (contentType)
                req = req.set('Content-Type', contentType);
            const res = await req.send(body);
            strict_1.default.ok(res.status >= 400 && res.status < 500, `${name}: status ${res.status} ${JSON.stringify(res.body)}`);
            strict_1.default.match(res.body.code, /^[A-Z_]+$/);
            strict_1.default.equal(res.body.statusCode, res.status);
            strict_1.default.equal(typeof res.body.message, 'string');
            strict_1.default.ok(!JSON.stringify(res.body).includes('14152010120'));
        });
    }
    (0, node_test_1.it)('names the invalid field without echoing its value', async () => {
        const res = await t.http
            .post('/mfa/sms/enroll')
            .set('Authorization', `Bearer ${t.token('tester')}`)
            .send({ phoneNumber: 5551234 })
            .expect(400);
        strict_1.default.equal(res.body.code, 'VALIDATION_FAILED');
        strict_1.default.match(res.body.message, /phoneNumber/);
        strict_1.default.ok(!res.body.message.includes('5551234'));
    });
    (0, node_test_1.it)('does not let a __proto__ key pollute objects', () => {
        strict_1.default.equal({}.polluted, undefined);
    });
    (0, node_test_1.it)('answers unknown routes and methods with 404 in the same shape', async () => {
        const res = await t.http.get('/mfa/nothing-here').expect(404);
        strict_1.default.equal(res.body.code, 'NOT_FOUND');
    });
    (0, node_test_1.it)('answers paths the router cannot decode, and overlong path parameters, in the same shape without echoing them', async () => {
        const auth = { Authorization: `Bearer ${t.token('tester')}` };
        for (const [method, path] of [
            ['get', '/mfa/%zz'],
            ['delete', '/mfa/factors/%zz'],
            ['delete', `/mfa/factors/${'x'.repeat(2000)}`],
        ]) {
            const res = await t.http[method](path).set(auth);
            strict_1.default.ok(res.status >= 400 && res.status < 500, `${method} ${path.slice(0, 20)}: ${res.status}`);
            strict_1.default.ok(['NOT_FOUND', 'VALIDATION_FAILED'].includes(res.body.code), `stable code, got ${res.body.code}`);
            strict_1.default.equal(res.body.statusCode, res.status);
            strict_1.default.ok(!res.body.message.includes('%zz') && !res.body.message.includes('xxxx'), 'the path is not echoed');
        }
    });
    (0, node_test_1.it)('never echoes a malformed body: it may hold a number or a code', async () => {
        for (const body of ['{"phoneNumber":+14152010120}', '{"code":123456,}']) {
            const res = await t.http
                .post('/mfa/sms/enroll')
                .set('Authorization', `Bearer ${t.token('tester')}`)
                .set('Content-Type', 'application/json')
                .send(body)
                .expect(400);
            strict_1.default.equal(res.body.code, 'VALIDATION_FAILED');
            strict_1.default.equal(res.body.message, 'The request body is not valid JSON.');
        }
    });
    (0, node_test_1.it)('does not consume an attempt on a malformed code', async () => {
        const res = await t.http
            .post('/mfa/sms/verify')
            .set('Authorization', `Bearer ${t.token('tester')}`)
            .send({ code: '000000000' })
            .expect(400);
        strict_1.default.equal(res.body.code, 'VALIDATION_FAILED');
        const wrong = await t.http
            .post('/mfa/sms/verify')
            .set('Authorization', `Bearer ${t.token('tester')}`)
            .send({ code: '999999' });
        if (wrong.status !== 200)
            strict_1.default.equal(wrong.body.attemptsRemaining, 2);
    });
});
//# sourceMappingURL=bad-input.e2e-spec.js.map