"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
const strict_1 = __importDefault(require("node:assert/strict"));
const node_test_1 = require("node:test");
const aws_eum_errors_1 = require("./aws-eum/aws-eum-errors");
const aws_sns_errors_1 = require("./aws-sns/aws-sns-errors");
const twilio_errors_1 = require("./twilio/twilio-errors");
(0, node_test_1.describe)('provider error families', () => {
    (0, node_test_1.it)("Twilio: every listed code is read as its family, whatever the HTTP status", () => {
        for (const [code, reason] of Object.entries(twilio_errors_1.TWILIO_ERRORS)) {
            strict_1.default.equal((0, twilio_errors_1.classifyTwilioError)({ status: 400, code: Number(code) }).reason, reason, code);
        }
    });
    (0, node_test_1.it)('Twilio: number, region, request, account, throttling and server families map to the right kind', () => {
        const kind = (status, code) => (0, twilio_errors_1.classifyTwilioError)({ status, code }).kind;
        strict_1.default.equal(kind(400, 21211), 'permanent');
        strict_1.default.equal(kind(400, 21610), 'permanent');
        strict_1.default.equal(kind(400, 21408), 'rejected');
        strict_1.default.equal(kind(400, 21606), 'rejected');
        strict_1.default.equal(kind(400, 21617), 'rejected');
        strict_1.default.equal(kind(401, 20003), 'transient');
        strict_1.default.equal(kind(429, 20429), 'transient');
        strict_1.default.equal(kind(503, 20500), 'transient');
        strict_1.default.equal(kind(400, 29999), 'rejected', 'an unknown 4xx is about the request, not the provider');
        strict_1.default.equal((0, twilio_errors_1.classifyTwilioError)({ status: 400, code: 63016 }).reason, 'content');
        strict_1.default.equal((0, twilio_errors_1.classifyTwilioError)({ status: 400, code: 63027 }).reason, 'content');
        strict_1.default.equal(kind(429, 63018), 'transient');
        strict_1.default.equal(kind(400, 13224), 'permanent');
        strict_1.default.equal(kind(400, 13227), 'rejected');
        strict_1.default.equal(kind(403), 'transient', 'a bare 401/403 is the account');
        strict_1.default.equal((0, twilio_errors_1.classifyTwilioError)({ code: 'ETIMEDOUT' }).reason, 'timeout');
        strict_1.default.equal((0, twilio_errors_1.classifyTwilioError)({ code: 'ECONNREFUSED' }).reason, 'network');
    });
    (0, node_test_1.it)('SNS: every listed code is read as its family, with or without the SDK\'s Exception suffix', () => {
        for (const [code, reason] of Object.entries(aws_sns_errors_1.SNS_ERRORS)) {
            strict_1.default.equal((0, aws_sns_errors_1.classifySnsError)({ name: code, $metadata: { httpStatusCode: 400 } }).reason, reason, code);
            strict_1.default.equal((0, aws_sns_errors_1.classifySnsError)({ name: `${code}Exception`, $metadata: { httpStatusCode: 400 } }).reason, reason, code);
        }
    });
    (0, node_test_1.it)('SNS: parameter errors are the number when they name the phone number, the request otherwise', () => {
        const read = (name, message) => (0, aws_sns_errors_1.classifySnsError)({ name, message, $metadata: { httpStatusCode: 400 } });
        strict_1.default.equal(read('InvalidParameterException', 'Invalid parameter: PhoneNumber Reason: +1 is not valid').reason, 'invalid_number');
        strict_1.default.equal(read('InvalidParameterException', 'Invalid parameter: Phone number is opted out').reason, 'opted_out');
        strict_1.default.equal(read('InvalidParameterValueException', 'Invalid parameter: MessageAttributes').reason, 'request');
        strict_1.default.equal((0, aws_sns_errors_1.classifySnsError)({ name: 'TimeoutError' }).reason, 'timeout');
        strict_1.default.equal((0, aws_sns_errors_1.classifySnsError)({ name: 'Weird', $metadata: { httpStatusCode: 502 } }).reason, 'server');
        strict_1.default.equal((0, aws_sns_errors_1.classifySnsError)({ name: 'Weird', $metadata: { httpStatusCode: 400 } }).kind, 'rejected');
        strict_1.default.equal((0, aws_sns_errors_1.classifySnsError)({ name: 'Error', code: 'ECONNRESET' }).reason, 'network');
    });
    (0, node_test_1.it)('End User Messaging: every listed exception, with its Reason where listed, is read as its family', () => {
        for (const [key, reason] of Object.entries(aws_eum_errors_1.EUM_ERRORS)) {
            const [name, Reason] = key.split(':');
            const read = (0, aws_eum_errors_1.classifyEumError)({ name, Reason, message: 'Error', $metadata: { httpStatusCode: 400 } });
            strict_1.default.equal(read.reason, reason, key);
            strict_1.default.equal(read.providerCode, key);
        }
    });
    (0, node_test_1.it)('End User Messaging: number, opt-out, region, request, content, account, throttling and server families map to the right kind', () => {
        const read = (name, Reason, extra = {}) => (0, aws_eum_errors_1.classifyEumError)({ name, Reason, message: 'Error', $metadata: { httpStatusCode: 400 }, ...extra });
        const destination = { Fields: [{ Name: 'DestinationPhoneNumber', Message: 'not valid' }] };
        strict_1.default.equal(read('ValidationException', 'INVALID_PARAMETER', destination).reason, 'invalid_number');
        strict_1.default.equal(read('ValidationException', 'INVALID_PARAMETER', destination).kind, 'permanent');
        strict_1.default.equal(read('ValidationException', 'FIELD_VALIDATION_FAILED', { message: 'Invalid destination phone number' }).reason, 'invalid_number');
        strict_1.default.equal(read('ValidationException', undefined, destination).reason, 'invalid_number');
        strict_1.default.equal(read('ConflictException', 'DESTINATION_PHONE_NUMBER_OPTED_OUT').kind, 'permanent');
        strict_1.default.equal(read('ConflictException', 'DESTINATION_PHONE_NUMBER_OPTED_OUT').reason, 'opted_out');
        strict_1.default.equal(read('ValidationException', 'DESTINATION_COUNTRY_BLOCKED', destination).reason, 'region');
        strict_1.default.equal(read('ValidationException', 'COUNTRY_CODE_MISMATCH').kind, 'rejected');
        strict_1.default.equal(read('ValidationException', 'INVALID_PARAMETER', { Fields: [{ Name: 'MaxPrice', Message: 'bad' }] }).reason, 'request');
        strict_1.default.equal(read('ValidationException', 'PARAMETERS_CANNOT_BE_USED_TOGETHER').reason, 'request');
        strict_1.default.equal(read('ValidationException', 'PRICE_OVER_THRESHOLD').kind, 'rejected');
        strict_1.default.equal(read('ValidationException', 'MAXIMUM_SIZE_EXCEEDED').reason, 'content');
        strict_1.default.equal(read('ValidationException', 'OTHER').reason, 'request', 'an unlisted Reason falls back on its exception');
        strict_1.default.equal(read('ResourceNotFoundException').kind, 'rejected');
        strict_1.default.equal(read('AccessDeniedException', 'INSUFFICIENT_ACCOUNT_REPUTATION').kind, 'transient');
        strict_1.default.equal(read('AccessDeniedException', 'INSUFFICIENT_ACCOUNT_REPUTATION').reason, 'account');
        strict_1.default.equal(read('ServiceQuotaExceededException', 'MONTHLY_SPEND_LIMIT_REACHED_FOR_VOICE').reason, 'throttled');
        strict_1.default.equal(read('ServiceQuotaExceededException', 'DAILY_DESTINATION_CALL_LIMIT').kind, 'rejected', 'one busy number is not the provider');
        strict_1.default.equal(read('ThrottlingException').kind, 'transient');
        strict_1.default.equal((0, aws_eum_errors_1.classifyEumError)({ name: 'InternalServerException', $metadata: { httpStatusCode: 500 } }).reason, 'server');
        strict_1.default.equal((0, aws_eum_errors_1.classifyEumError)({ name: 'Weird', $metadata: { httpStatusCode: 503 } }).reason, 'server');
        strict_1.default.equal((0, aws_eum_errors_1.classifyEumError)({ name: 'Weird', $metadata: { httpStatusCode: 403 } }).reason, 'account');
        strict_1.default.equal((0, aws_eum_errors_1.classifyEumError)({ name: 'Weird', $metadata: { httpStatusCode: 400 } }).kind, 'rejected');
        strict_1.default.equal((0, aws_eum_errors_1.classifyEumError)({ name: 'AbortError' }).reason, 'timeout');
        strict_1.default.equal((0, aws_eum_errors_1.classifyEumError)({ name: 'TimeoutError' }).reason, 'timeout');
        strict_1.default.equal((0, aws_eum_errors_1.classifyEumError)({ name: 'Error', code: 'ECONNREFUSED' }).reason, 'network');
    });
});
//# sourceMappingURL=provider-errors.spec.js.map