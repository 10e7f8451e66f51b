/**
 * Amazon SNS HTTP(S) messages: the JSON SNS posts to a subscribed endpoint
 * (content-type text/plain), its parsing, and the string SNS signs.
 *
 * The string to sign follows AWS's "Verifying the signatures of Amazon SNS
 * messages" and the maintained `sns-payload-validator`; that package is not
 * used because it hard-codes the certificate URL pattern and https, and tests
 * need a loopback certificate URL.
 */

type SnsMessageType = 'Notification' | 'SubscriptionConfirmation' | 'UnsubscribeConfirmation';

export interface SnsMessage {
  Type: string;
  MessageId: string;
  TopicArn: string;
  Subject?: string;
  Message: string;
  Timestamp: string;
  /** '1' = SHA1withRSA, '2' = SHA256withRSA; anything else is refused by the verifier. */
  SignatureVersion: string;
  /** Base64. */
  Signature: string;
  SigningCertURL: string;
  /** Confirmations only. */
  SubscribeURL?: string;
  /** Confirmations only. */
  Token?: string;
  UnsubscribeURL?: string;
}

/**
 * The default SigningCertURL pattern: an SNS regional endpoint of AWS
 * (amazonaws.com, or amazonaws.com.cn for the China regions) over https,
 * path `/SimpleNotificationService-<id>.pem` and nothing else (no port, no
 * query). The verifier matches the whole URL against it and also refuses any
 * URL that `new URL` would rewrite, so `sns.x.amazonaws.com.evil.example`,
 * `…amazonaws.com@evil.example` and `\`-tricks do not pass. The label after
 * `sns.` must be a region (`eu-west-1`, `us-gov-west-1`, `cn-north-1`): a
 * looser `[a-z0-9-]+` would also match S3 hosts such as `sns.s3.amazonaws.com`,
 * where whoever owns a bucket named `sns` could serve a certificate.
 */
export const AWS_SNS_CERT_URL =
  /^https:\/\/sns\.[a-z]{2}(-[a-z]+)+-\d\.amazonaws\.com(\.cn)?\/SimpleNotificationService-[a-zA-Z0-9]+\.pem$/;

/** A body that is not an SNS message. The message is short and names no value from the body. */
export class InvalidSnsMessage extends Error {
  constructor(readonly reason: string) {
    super(`Invalid SNS message: ${reason}`);
    this.name = 'InvalidSnsMessage';
  }
}

/** SNS caps a message at 256 KiB. */
const MAX_MESSAGE_BYTES = 256 * 1024;
/** Ids, ARNs, URLs, tokens and signatures are far below this. */
const MAX_FIELD_CHARS = 2 * 1024;
/** A JSON body may escape each character of a 256 KiB message into up to 6 (\u0000); beyond this it is not SNS. */
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
] as const;
const CONFIRMATION_FIELDS = ['SubscribeURL', 'Token'] as const;
const OPTIONAL_FIELDS = ['Subject', 'UnsubscribeURL'] as const;

/** The signed keys, in the order SNS signs them. */
const SIGNED_KEYS: Record<SnsMessageType, readonly (keyof SnsMessage)[]> = {
  Notification: ['Message', 'MessageId', 'Subject', 'Timestamp', 'TopicArn', 'Type'],
  SubscriptionConfirmation: ['Message', 'MessageId', 'SubscribeURL', 'Timestamp', 'Token', 'TopicArn', 'Type'],
  UnsubscribeConfirmation: ['Message', 'MessageId', 'SubscribeURL', 'Timestamp', 'Token', 'TopicArn', 'Type'],
};

function isSnsType(type: string): type is SnsMessageType {
  return Object.hasOwn(SIGNED_KEYS, type);
}

/**
 * Reads an SNS message from a parsed body or its JSON text (a Buffer is read
 * as UTF-8). Only the known fields are copied, into a fresh object, so nothing
 * else of the body (nor its prototype) travels further. Does not check the
 * signature: see SnsSignatureVerifier.
 */
export function parseSnsMessage(body: unknown): SnsMessage {
  let value = body;
  if (Buffer.isBuffer(value)) value = value.toString('utf8');
  if (typeof value === 'string') {
    if (value.length > MAX_JSON_CHARS) throw new InvalidSnsMessage('body too large');
    try {
      value = JSON.parse(value);
    } catch {
      throw new InvalidSnsMessage('not JSON');
    }
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new InvalidSnsMessage('not an object');
  const raw = value as Record<string, unknown>;

  const type = raw.Type;
  if (typeof type !== 'string' || !isSnsType(type)) throw new InvalidSnsMessage('unknown Type');
  const required: readonly string[] =
    type === 'Notification' ? COMMON_FIELDS : [...COMMON_FIELDS, ...CONFIRMATION_FIELDS];
  const optional: readonly string[] = type === 'Notification' ? OPTIONAL_FIELDS : ['UnsubscribeURL'];

  const message: Record<string, string> = {};
  for (const key of [...required, ...optional]) {
    const field = Object.hasOwn(raw, key) ? raw[key] : undefined;
    if (field === undefined) {
      if (required.includes(key)) throw new InvalidSnsMessage(`missing ${key}`);
      continue;
    }
    if (typeof field !== 'string') throw new InvalidSnsMessage(`${key} is not a string`);
    const tooLong =
      key === 'Message' ? Buffer.byteLength(field, 'utf8') > MAX_MESSAGE_BYTES : field.length > MAX_FIELD_CHARS;
    if (tooLong) throw new InvalidSnsMessage(`${key} too long`);
    message[key] = field;
  }
  return message as unknown as SnsMessage;
}

/**
 * The string SNS signs: each signed key present in the message as
 * `key\nvalue\n`, in SNS's order. Subject is signed only when the message has
 * one; a confirmation signs SubscribeURL and Token instead. Throws
 * InvalidSnsMessage for a Type SNS does not sign.
 */
export function stringToSign(m: SnsMessage): string {
  if (!isSnsType(m.Type)) throw new InvalidSnsMessage('unknown Type');
  let result = '';
  for (const key of SIGNED_KEYS[m.Type]) {
    const value = m[key];
    if (value !== undefined) result += `${key}\n${value}\n`;
  }
  return result;
}
