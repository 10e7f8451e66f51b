"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.EumFake = void 0;
const node_crypto_1 = require("node:crypto");
const fake_server_1 = require("./fake-server");
const SERVICE_TARGET = 'PinpointSMSVoiceV2';
const OPERATIONS = new Set(['SendTextMessage', 'SendVoiceMessage', 'PutMessageFeedback']);
class EumFake extends fake_server_1.FakeServer {
    answer(req, mode, res) {
        const operation = EumFake.targetOf(req);
        if (!operation || !OPERATIONS.has(operation)) {
            return error(res, 400, 'UnknownOperationException', `Unknown operation ${req.headers['x-amz-target'] ?? ''}`);
        }
        if (!req.headers.authorization?.startsWith('AWS4-HMAC-SHA256 ')) {
            return error(res, 403, 'UnrecognizedClientException', 'The security token included in the request is invalid.');
        }
        const body = parse(req);
        if (!body)
            return error(res, 400, 'SerializationException', 'Cannot parse the request body');
        switch (mode.kind) {
            case 'server-error':
                return error(res, 500, 'InternalServerException', 'Internal failure');
            case 'throttle':
                return error(res, 400, 'ThrottlingException', 'Rate exceeded');
            case 'number-error':
                return error(res, 400, 'ValidationException', 'Invalid destination phone number', mode.code, [
                    { Name: 'DestinationPhoneNumber', Message: 'The destination phone number is not valid' },
                ]);
            default:
                if (operation === 'PutMessageFeedback')
                    return json(res, 200, { MessageId: body.MessageId, MessageFeedbackStatus: 'RECEIVED' });
                return json(res, 200, { MessageId: (0, node_crypto_1.randomUUID)() });
        }
    }
    answerError(res, status, code) {
        const [type, reason] = code.split(':');
        error(res, status, type, `Error ${type}`, reason);
    }
    recipient(req) {
        return parse(req)?.DestinationPhoneNumber ?? '';
    }
    static targetOf(req) {
        const target = req.headers['x-amz-target'];
        const [service, operation] = (typeof target === 'string' ? target : '').split('.');
        return service === SERVICE_TARGET ? operation : undefined;
    }
    operations(name) {
        return this.requests.filter((r) => EumFake.targetOf(r) === name).map((r) => parse(r) ?? {});
    }
    bodiesTo(e164) {
        return this.operations('SendTextMessage')
            .filter((b) => b.DestinationPhoneNumber === e164)
            .map((b) => b.MessageBody ?? '');
    }
}
exports.EumFake = EumFake;
function parse(req) {
    try {
        const body = JSON.parse(req.body || '{}');
        return body && typeof body === 'object' ? body : undefined;
    }
    catch {
        return undefined;
    }
}
function json(res, status, body, headers = {}) {
    res.writeHead(status, { 'content-type': 'application/x-amz-json-1.0', 'x-amzn-requestid': (0, node_crypto_1.randomUUID)(), ...headers });
    res.end(JSON.stringify(body));
}
function error(res, status, type, message, reason, fields) {
    json(res, status, { __type: type, message, ...(reason ? { Reason: reason } : {}), ...(fields ? { Fields: fields } : {}) }, {
        'x-amzn-errortype': type,
    });
}
//# sourceMappingURL=eum-fake.js.map