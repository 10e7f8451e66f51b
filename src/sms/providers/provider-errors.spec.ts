import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
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
});
