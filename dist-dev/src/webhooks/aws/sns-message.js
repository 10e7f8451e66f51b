"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.InvalidSnsMessage = exports.AWS_SNS_CERT_URL = void 0;
exports.parseSnsMessage = parseSnsMessage;
exports.stringToSign = stringToSign;
exports.AWS_SNS_CERT_URL = /^https:\/\/sns\.[a-z]{2}(-[a-z]+)+-\d\.amazonaws\.com(\.cn)?\/SimpleNotificationService-[a-zA-Z0-9]+\.pem$/;
class InvalidSnsMessage extends Error {
    reason;
    constructor(reason) {
        super(`Invalid SNS message: ${reason}`);
        this.reason = reason;
        this.name = 'InvalidSnsMessage';
    }
}
exports.InvalidSnsMessage = InvalidSnsMessage;
const MAX_MESSAGE_BYTES = 256 * 1024;
const MAX_FIELD_CHARS = 2 * 1024;
const MAX_JSON_CHARS = 2 * 1024 * 1024;
const COMMON_FIELDS = [
    'Type',
    'MessageId',
    'TopicArn',
    'Message',
    'Timestamp',
    'SignatureVersion',
    'Signature',
    'SigningCertURL',
];
const CONFIRMATION_FIELDS = ['SubscribeURL', 'Token'];
const OPTIONAL_FIELDS = ['Subject', 'UnsubscribeURL'];
const SIGNED_KEYS = {
    Notification: ['Message', 'MessageId', 'Subject', 'Timestamp', 'TopicArn', 'Type'],
    SubscriptionConfirmation: ['Message', 'MessageId', 'SubscribeURL', 'Timestamp', 'Token', 'TopicArn', 'Type'],
    UnsubscribeConfirmation: ['Message', 'MessageId', 'SubscribeURL', 'Timestamp', 'Token', 'TopicArn', 'Type'],
};
function isSnsType(type) {
    return Object.hasOwn(SIGNED_KEYS, type);
}
function parseSnsMessage(body) {
    let value = body;
    if (Buffer.isBuffer(value))
        value = value.toString('utf8');
    if (typeof value === 'string') {
        if (value.length > MAX_JSON_CHARS)
            throw new InvalidSnsMessage('body too large');
        try {
            value = JSON.parse(value);
        }
        catch {
            throw new InvalidSnsMessage('not JSON');
        }
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value))
        throw new InvalidSnsMessage('not an object');
    const raw = value;
    const type = raw.Type;
    if (typeof type !== 'string' || !isSnsType(type))
        throw new InvalidSnsMessage('unknown Type');
    const required = type === 'Notification' ? COMMON_FIELDS : [...COMMON_FIELDS, ...CONFIRMATION_FIELDS];
    const optional = type === 'Notification' ? OPTIONAL_FIELDS : ['UnsubscribeURL'];
    const message = {};
    for (const key of [...required, ...optional]) {
        const field = Object.hasOwn(raw, key) ? raw[key] : undefined;
        if (field === undefined) {
            if (required.includes(key))
                throw new InvalidSnsMessage(`missing ${key}`);
            continue;
        }
        if (typeof field !== 'string')
            throw new InvalidSnsMessage(`${key} is not a string`);
        const tooLong = key === 'Message' ? Buffer.byteLength(field, 'utf8') > MAX_MESSAGE_BYTES : field.length > MAX_FIELD_CHARS;
        if (tooLong)
            throw new InvalidSnsMessage(`${key} too long`);
        message[key] = field;
    }
    return message;
}
function stringToSign(m) {
    if (!isSnsType(m.Type))
        throw new InvalidSnsMessage('unknown Type');
    let result = '';
    for (const key of SIGNED_KEYS[m.Type]) {
        const value = m[key];
        if (value !== undefined)
            result += `${key}\n${value}\n`;
    }
    return result;
}
//# sourceMappingURL=sns-message.js.map