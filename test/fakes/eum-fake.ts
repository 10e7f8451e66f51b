import { randomUUID } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { FakeMode, FakeServer, RecordedRequest } from './fake-server';

const SERVICE_TARGET = 'PinpointSMSVoiceV2';
const OPERATIONS = new Set(['SendTextMessage', 'SendVoiceMessage', 'PutMessageFeedback']);

/** A request body as the SDK sends it (the fields the adapter uses). */
export type EumRequestBody = Record<string, unknown> & {
  DestinationPhoneNumber?: string;
  MessageBody?: string;
  MessageId?: string;
  Context?: Record<string, string>;
};

/**
 * End User Messaging SMS and Voice v2 in the AWS JSON 1.0 protocol: POST /,
 * `x-amz-target: PinpointSMSVoiceV2.<Operation>`, content-type
 * application/x-amz-json-1.0, a JSON body, a SigV4 `authorization` header.
 * Errors: the HTTP status, `x-amzn-errortype: <Type>` and
 * `{"__type":"<Type>","message":"…","Reason":"…"}`, which the SDK turns into
 * an exception named <Type> with its `Reason` (and `Fields`) set.
 *
 * Modes: `number-error` answers 400 ValidationException with Reason = code
 * and Fields naming DestinationPhoneNumber (INVALID_PARAMETER: an invalid
 * number; DESTINATION_COUNTRY_BLOCKED: a region); `error` takes `code` as
 * `Type` or `Type:Reason` (e.g. ConflictException:DESTINATION_PHONE_NUMBER_OPTED_OUT).
 */
export class EumFake extends FakeServer {
  protected answer(req: RecordedRequest, mode: FakeMode, res: ServerResponse): void {
    const operation = EumFake.targetOf(req);
    if (!operation || !OPERATIONS.has(operation)) {
      return error(res, 400, 'UnknownOperationException', `Unknown operation ${req.headers['x-amz-target'] ?? ''}`);
    }
    if (!req.headers.authorization?.startsWith('AWS4-HMAC-SHA256 ')) {
      return error(res, 403, 'UnrecognizedClientException', 'The security token included in the request is invalid.');
    }
    const body = parse(req);
    if (!body) return error(res, 400, 'SerializationException', 'Cannot parse the request body');
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
        return json(res, 200, { MessageId: randomUUID() });
    }
  }

  protected answerError(res: ServerResponse, status: number, code: string): void {
    const [type, reason] = code.split(':');
    error(res, status, type, `Error ${type}`, reason);
  }

  protected recipient(req: RecordedRequest): string {
    return parse(req)?.DestinationPhoneNumber ?? '';
  }

  /** The operation a request calls (`SendTextMessage`…), from its x-amz-target header. */
  static targetOf(req: RecordedRequest): string | undefined {
    const target = req.headers['x-amz-target'];
    const [service, operation] = (typeof target === 'string' ? target : '').split('.');
    return service === SERVICE_TARGET ? operation : undefined;
  }

  /** The parsed JSON bodies of the requests to one operation, oldest first. */
  operations(name: string): EumRequestBody[] {
    return this.requests.filter((r) => EumFake.targetOf(r) === name).map((r) => parse(r) ?? {});
  }

  /** Bodies of the text messages AWS was asked to send to a number. */
  bodiesTo(e164: string): string[] {
    return this.operations('SendTextMessage')
      .filter((b) => b.DestinationPhoneNumber === e164)
      .map((b) => b.MessageBody ?? '');
  }
}

function parse(req: RecordedRequest): EumRequestBody | undefined {
  try {
    const body: unknown = JSON.parse(req.body || '{}');
    return body && typeof body === 'object' ? (body as EumRequestBody) : undefined;
  } catch {
    return undefined;
  }
}

function json(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/x-amz-json-1.0', 'x-amzn-requestid': randomUUID(), ...headers });
  res.end(JSON.stringify(body));
}

function error(
  res: ServerResponse,
  status: number,
  type: string,
  message: string,
  reason?: string,
  fields?: { Name: string; Message: string }[],
): void {
  json(
    res,
    status,
    { __type: type, message, ...(reason ? { Reason: reason } : {}), ...(fields ? { Fields: fields } : {}) },
    {
      'x-amzn-errortype': type,
    },
  );
}
