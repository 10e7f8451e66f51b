"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.TwilioFake = void 0;
const fake_server_1 = require("./fake-server");
const API = /^\/2010-04-01\/Accounts\/(AC[0-9a-f]{32})\/(Messages|Calls)(?:\/(SM[0-9a-f]{32})\/(Feedback))?\.json$/;
class TwilioFake extends fake_server_1.FakeServer {
    answer(req, mode, res) {
        const match = req.path.match(API);
        if (!match || !req.headers.authorization?.startsWith('Basic ')) {
            return json(res, 401, { code: 20003, message: 'Authenticate', more_info: 'https://www.twilio.com/docs/errors/20003', status: 401 });
        }
        switch (mode.kind) {
            case 'server-error':
                return json(res, 500, { code: 20500, message: 'Internal Server Error', status: 500 });
            case 'throttle':
                return json(res, 429, { code: 20429, message: 'Too Many Requests', status: 429 });
            case 'number-error':
                return json(res, 400, {
                    code: Number(mode.code),
                    message: `The 'To' number ${req.form.get('To')} is not valid.`,
                    more_info: `https://www.twilio.com/docs/errors/${mode.code}`,
                    status: 400,
                });
            default:
                if (match[4]) {
                    return json(res, 201, { account_sid: match[1], message_sid: match[3], outcome: req.form.get('Outcome') });
                }
                if (match[2] === 'Calls') {
                    return json(res, 201, {
                        account_sid: match[1],
                        sid: `CA${fake_server_1.FakeServer.id()}`,
                        status: 'queued',
                        to: req.form.get('To'),
                        from: req.form.get('From'),
                        direction: 'outbound-api',
                        api_version: '2010-04-01',
                    });
                }
                return json(res, 201, {
                    account_sid: match[1],
                    api_version: '2010-04-01',
                    body: req.form.get('Body'),
                    date_created: new Date().toUTCString(),
                    direction: 'outbound-api',
                    from: req.form.get('From'),
                    messaging_service_sid: req.form.get('MessagingServiceSid'),
                    num_media: '0',
                    num_segments: '1',
                    price: '-0.00790',
                    price_unit: 'USD',
                    sid: `SM${fake_server_1.FakeServer.id()}`,
                    status: 'queued',
                    to: req.form.get('To'),
                    uri: `/2010-04-01/Accounts/${match[1]}/Messages/SM.json`,
                });
        }
    }
    answerError(res, status, code) {
        json(res, status, { code: Number(code), message: `Error ${code}`, more_info: `https://www.twilio.com/docs/errors/${code}`, status });
    }
    recipient(req) {
        return req.form.get('To') ?? '';
    }
    requestsTo(api) {
        return this.requests.filter((r) => {
            const m = r.path.match(API);
            return m && (m[4] ?? m[2]) === api;
        });
    }
    bodiesTo(e164) {
        return this.requests.filter((r) => r.form.get('To') === e164).map((r) => r.form.get('Body') ?? '');
    }
}
exports.TwilioFake = TwilioFake;
function json(res, status, body) {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
}
//# sourceMappingURL=twilio-fake.js.map