import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { classifyEumError, EUM_ERRORS } from './aws-eum/aws-eum-errors';
import { classifySnsError, SNS_ERRORS } from './aws-sns/aws-sns-errors';
import { classifyTwilioError, TWILIO_ERRORS } from './twilio/twilio-errors';

describe('provider error families', () => {
  it("Twilio: every listed code is read as its family, whatever the HTTP status", () => {
    for (const [code, reason] of Object.entries(TWILIO_ERRORS)) {
      assert.equal(classifyTwilioError({ status: 400, code: Number(code) }).reason, reason, code);
    }
  });

  it('Twilio: number, region, request, account, throttling and server families map to the right kind', () => {
    const kind = (status: number, code?: number) => classifyTwilioError({ status, code }).kind;
    assert.equal(kind(400, 21211), 'permanent'); // number
    assert.equal(kind(400, 21610), 'permanent'); // opted out
    assert.equal(kind(400, 21408), 'rejected'); // region
    assert.equal(kind(400, 21606), 'rejected'); // request
    assert.equal(kind(400, 21617), 'rejected'); // content
    assert.equal(kind(401, 20003), 'transient'); // account
    assert.equal(kind(429, 20429), 'transient'); // throttling
    assert.equal(kind(503, 20500), 'transient'); // server
    assert.equal(kind(400, 29999), 'rejected', 'an unknown 4xx is about the request, not the provider');
    // WhatsApp templates and calls: the same families.
    assert.equal(classifyTwilioError({ status: 400, code: 63016 }).reason, 'content'); // outside the 24 h window
    assert.equal(classifyTwilioError({ status: 400, code: 63027 }).reason, 'content'); // template missing for the language
    assert.equal(kind(429, 63018), 'transient'); // WhatsApp rate limit
    assert.equal(kind(400, 13224), 'permanent'); // a call to an invalid number
    assert.equal(kind(400, 13227), 'rejected'); // a call to a destination without permission
    assert.equal(kind(403), 'transient', 'a bare 401/403 is the account');
    assert.equal(classifyTwilioError({ code: 'ETIMEDOUT' }).reason, 'timeout');
    assert.equal(classifyTwilioError({ code: 'ECONNREFUSED' }).reason, 'network');
  });

  it('SNS: every listed code is read as its family, with or without the SDK\'s Exception suffix', () => {
    for (const [code, reason] of Object.entries(SNS_ERRORS)) {
      assert.equal(classifySnsError({ name: code, $metadata: { httpStatusCode: 400 } }).reason, reason, code);
      assert.equal(classifySnsError({ name: `${code}Exception`, $metadata: { httpStatusCode: 400 } }).reason, reason, code);
    }
  });

  it('SNS: parameter errors are the number when they name the phone number, the request otherwise', () => {
    const read = (name: string, message: string) => classifySnsError({ name, message, $metadata: { httpStatusCode: 400 } });
    assert.equal(read('InvalidParameterException', 'Invalid parameter: PhoneNumber Reason: +1 is not valid').reason, 'invalid_number');
    assert.equal(read('InvalidParameterException', 'Invalid parameter: Phone number is opted out').reason, 'opted_out');
    assert.equal(read('InvalidParameterValueException', 'Invalid parameter: MessageAttributes').reason, 'request');
    assert.equal(classifySnsError({ name: 'TimeoutError' }).reason, 'timeout');
    assert.equal(classifySnsError({ name: 'Weird', $metadata: { httpStatusCode: 502 } }).reason, 'server');
    assert.equal(classifySnsError({ name: 'Weird', $metadata: { httpStatusCode: 400 } }).kind, 'rejected');
    assert.equal(classifySnsError({ name: 'Error', code: 'ECONNRESET' }).reason, 'network');
  });
  it('End User Messaging: every listed exception, with its Reason where listed, is read as its family', () => {
    for (const [key, reason] of Object.entries(EUM_ERRORS)) {
      const [name, Reason] = key.split(':');
      const read = classifyEumError({ name, Reason, message: 'Error', $metadata: { httpStatusCode: 400 } });
      assert.equal(read.reason, reason, key);
      assert.equal(read.providerCode, key);
    }
  });

  it('End User Messaging: number, opt-out, region, request, content, account, throttling and server families map to the right kind', () => {
    const read = (name: string, Reason?: string, extra: object = {}) =>
      classifyEumError({ name, Reason, message: 'Error', $metadata: { httpStatusCode: 400 }, ...extra });
    const destination = { Fields: [{ Name: 'DestinationPhoneNumber', Message: 'not valid' }] };
    assert.equal(read('ValidationException', 'INVALID_PARAMETER', destination).reason, 'invalid_number');
    assert.equal(read('ValidationException', 'INVALID_PARAMETER', destination).kind, 'permanent');
    assert.equal(read('ValidationException', 'FIELD_VALIDATION_FAILED', { message: 'Invalid destination phone number' }).reason, 'invalid_number');
    assert.equal(read('ValidationException', undefined, destination).reason, 'invalid_number');
    assert.equal(read('ConflictException', 'DESTINATION_PHONE_NUMBER_OPTED_OUT').kind, 'permanent');
    assert.equal(read('ConflictException', 'DESTINATION_PHONE_NUMBER_OPTED_OUT').reason, 'opted_out');
    // A Reason about the destination country wins over a field naming the number: another provider may reach it.
    assert.equal(read('ValidationException', 'DESTINATION_COUNTRY_BLOCKED', destination).reason, 'region');
    assert.equal(read('ValidationException', 'COUNTRY_CODE_MISMATCH').kind, 'rejected');
    assert.equal(read('ValidationException', 'INVALID_PARAMETER', { Fields: [{ Name: 'MaxPrice', Message: 'bad' }] }).reason, 'request');
    assert.equal(read('ValidationException', 'PARAMETERS_CANNOT_BE_USED_TOGETHER').reason, 'request');
    assert.equal(read('ValidationException', 'PRICE_OVER_THRESHOLD').kind, 'rejected');
    assert.equal(read('ValidationException', 'MAXIMUM_SIZE_EXCEEDED').reason, 'content');
    assert.equal(read('ValidationException', 'OTHER').reason, 'request', 'an unlisted Reason falls back on its exception');
    assert.equal(read('ResourceNotFoundException').kind, 'rejected');
    assert.equal(read('AccessDeniedException', 'INSUFFICIENT_ACCOUNT_REPUTATION').kind, 'transient');
    assert.equal(read('AccessDeniedException', 'INSUFFICIENT_ACCOUNT_REPUTATION').reason, 'account');
    assert.equal(read('ServiceQuotaExceededException', 'MONTHLY_SPEND_LIMIT_REACHED_FOR_VOICE').reason, 'throttled');
    assert.equal(read('ServiceQuotaExceededException', 'DAILY_DESTINATION_CALL_LIMIT').kind, 'rejected', 'one busy number is not the provider');
    assert.equal(read('ThrottlingException').kind, 'transient');
    assert.equal(classifyEumError({ name: 'InternalServerException', $metadata: { httpStatusCode: 500 } }).reason, 'server');
    assert.equal(classifyEumError({ name: 'Weird', $metadata: { httpStatusCode: 503 } }).reason, 'server');
    assert.equal(classifyEumError({ name: 'Weird', $metadata: { httpStatusCode: 403 } }).reason, 'account');
    assert.equal(classifyEumError({ name: 'Weird', $metadata: { httpStatusCode: 400 } }).kind, 'rejected');
    assert.equal(classifyEumError({ name: 'AbortError' }).reason, 'timeout');
    assert.equal(classifyEumError({ name: 'TimeoutError' }).reason, 'timeout');
    assert.equal(classifyEumError({ name: 'Error', code: 'ECONNREFUSED' }).reason, 'network');
  });
});
