"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.SnsFake = void 0;
const node_crypto_1 = require("node:crypto");
const fake_server_1 = require("./fake-server");
const XMLNS = 'http://sns.amazonaws.com/doc/2010-03-31/';
class SnsFake extends fake_server_1.FakeServer {
    answer(req, mode, res) {
        if (req.form.get('Action') !== 'Publish')
            return error(res, 400, 'Sender', 'InvalidAction', 'Unknown action');
        if (!req.headers.authorization?.startsWith('AWS4-HMAC-SHA256 ')) {
            return error(res, 403, 'Sender', 'InvalidClientTokenId', 'The security token included in the request is invalid.');
        }
        switch (mode.kind) {
            case 'server-error':
                return error(res, 500, 'Receiver', 'InternalError', 'Internal failure');
            case 'throttle':
                return error(res, 429, 'Sender', 'Throttled', 'Rate exceeded');
            case 'number-error':
                return error(res, 400, 'Sender', mode.code, 'Invalid parameter: PhoneNumber Reason: not a valid number');
            default:
                res.writeHead(200, { 'content-type': 'text/xml' });
                res.end(`<PublishResponse xmlns="${XMLNS}"><PublishResult><MessageId>${(0, node_crypto_1.randomUUID)()}</MessageId></PublishResult>` +
                    `<ResponseMetadata><RequestId>${(0, node_crypto_1.randomUUID)()}</RequestId></ResponseMetadata></PublishResponse>`);
        }
    }
    answerError(res, status, code) {
        error(res, status, status >= 500 ? 'Receiver' : 'Sender', code, `Error ${code}`);
    }
    recipient(req) {
        return req.form.get('PhoneNumber') ?? '';
    }
    static attributes(req) {
        const out = {};
        for (let n = 1; req.form.has(`MessageAttributes.entry.${n}.Name`); n++) {
            out[req.form.get(`MessageAttributes.entry.${n}.Name`)] = req.form.get(`MessageAttributes.entry.${n}.Value.StringValue`) ?? '';
        }
        return out;
    }
    bodiesTo(e164) {
        return this.requests.filter((r) => r.form.get('PhoneNumber') === e164).map((r) => r.form.get('Message') ?? '');
    }
}
exports.SnsFake = SnsFake;
function error(res, status, type, code, message) {
    res.writeHead(status, { 'content-type': 'text/xml' });
    res.end(`<ErrorResponse xmlns="${XMLNS}"><Error><Type>${type}</Type><Code>${code}</Code>` +
        `<Message>${message}</Message></Error><RequestId>${(0, node_crypto_1.randomUUID)()}</RequestId></ErrorResponse>`);
}
//# sourceMappingURL=sns-fake.js.map