import { randomUUID } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { FakeMode, FakeServer, RecordedRequest } from './fake-server';

const XMLNS = 'http://sns.amazonaws.com/doc/2010-03-31/';

/**
 * SNS's AWS Query protocol: POST /, form-encoded `Action=Publish&Version=…`,
 * XML answers, XML errors (<ErrorResponse><Error><Type/><Code/><Message/>).
 */
export class SnsFake extends FakeServer {
  protected answer(req: RecordedRequest, mode: FakeMode, res: ServerResponse): void {
    if (req.form.get('Action') !== 'Publish') return error(res, 400, 'Sender', 'InvalidAction', 'Unknown action');
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
        res.end(
          `<PublishResponse xmlns="${XMLNS}"><PublishResult><MessageId>${randomUUID()}</MessageId></PublishResult>` +
            `<ResponseMetadata><RequestId>${randomUUID()}</RequestId></ResponseMetadata></PublishResponse>`,
        );
    }
  }

  protected answerError(res: ServerResponse, status: number, code: string): void {
    error(res, status, status >= 500 ? 'Receiver' : 'Sender', code, `Error ${code}`);
  }

  protected recipient(req: RecordedRequest): string {
    return req.form.get('PhoneNumber') ?? '';
  }

  /** Message attributes of a request, by name (MessageAttributes.entry.N.Name / .Value.StringValue). */
  static attributes(req: RecordedRequest): Record<string, string> {
    const out: Record<string, string> = {};
    for (let n = 1; req.form.has(`MessageAttributes.entry.${n}.Name`); n++) {
      out[req.form.get(`MessageAttributes.entry.${n}.Name`)!] = req.form.get(`MessageAttributes.entry.${n}.Value.StringValue`) ?? '';
    }
    return out;
  }

  bodiesTo(e164: string): string[] {
    return this.requests.filter((r) => r.form.get('PhoneNumber') === e164).map((r) => r.form.get('Message') ?? '');
  }
}

function error(res: ServerResponse, status: number, type: string, code: string, message: string): void {
  res.writeHead(status, { 'content-type': 'text/xml' });
  res.end(
    `<ErrorResponse xmlns="${XMLNS}"><Error><Type>${type}</Type><Code>${code}</Code>` +
      `<Message>${message}</Message></Error><RequestId>${randomUUID()}</RequestId></ErrorResponse>`,
  );
}
