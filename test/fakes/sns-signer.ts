import { randomBytes, randomUUID, sign } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { Socket } from 'node:net';
import { generate } from 'selfsigned';
import { type SnsMessage, stringToSign } from '../../src/webhooks/aws/sns-message';

export const DEFAULT_TOPIC_ARN = 'arn:aws:sns:eu-west-1:123456789012:mfa-events';

/** Fields of a message to sign: Type and Message at least; the rest defaults as SNS would fill it. */
export type SnsFields = Partial<SnsMessage> & Pick<SnsMessage, 'Type' | 'Message'>;
/** Overrides for the conveniences (any field, e.g. Subject, TopicArn, Token, SigningCertURL). */
export type SnsOptions = Partial<Omit<SnsMessage, 'Type' | 'Message'>> & { version?: '1' | '2' };

/**
 * Signs SNS HTTP(S) messages the way SNS does, with its own RSA 2048 key and
 * self-signed certificate, and serves that certificate from a loopback server
 * at `http://127.0.0.1:<port>/SimpleNotificationService-<32 hex>.pem`.
 *
 * The same server answers `GET /confirm?…` (the SubscribeURL that
 * subscriptionConfirmation() uses by default via confirmUrl()) and records
 * each visit in `confirmations`. Create two signers for two keys: a message
 * from one pointing at the other's certUrl is "signed with another key".
 */
export class SnsSigner {
  /** GETs of a .pem path (the certificate or not), to see caching and that a refused URL is never fetched. */
  certFetches = 0;
  /** Absolute URLs of the /confirm visits, in order. */
  readonly confirmations: string[] = [];
  private readonly sockets = new Set<Socket>();
  private confirmationWaiters: ((url: string) => void)[] = [];
  private server?: Server;
  private origin = '';

  private constructor(
    readonly certificatePem: string,
    private readonly privateKeyPem: string,
    private readonly certPath: string,
  ) {}

  /** A new key and certificate, served at once (stop() when done). */
  static async create(options: { notBefore?: Date; notAfter?: Date } = {}): Promise<SnsSigner> {
    const pems = await generate([{ name: 'commonName', value: 'sns.amazonaws.com' }], {
      keyType: 'rsa',
      keySize: 2048,
      algorithm: 'sha256',
      notBeforeDate: options.notBefore,
      notAfterDate: options.notAfter,
    });
    const signer = new SnsSigner(
      pems.cert,
      pems.private,
      `/SimpleNotificationService-${randomBytes(16).toString('hex')}.pem`,
    );
    await signer.start();
    return signer;
  }

  /** Where the certificate is served. */
  get certUrl(): string {
    return `${this.origin}${this.certPath}`;
  }

  /**
   * A pattern (RegExp source, for AWS_SNS_CERT_URL_PATTERN) for exactly this
   * server's `/SimpleNotificationService-<id>.pem` URLs, as AWS_SNS_CERT_URL is for AWS's.
   */
  get certUrlPattern(): string {
    return `^${escapeRegExp(this.origin)}/SimpleNotificationService-[a-zA-Z0-9]+\\.pem$`;
  }

  /** A SubscribeURL on this server, as SNS builds it (Action, TopicArn, Token). */
  confirmUrl(token: string, topicArn = DEFAULT_TOPIC_ARN): string {
    const query = new URLSearchParams({ Action: 'ConfirmSubscription', TopicArn: topicArn, Token: token });
    return `${this.origin}/confirm?${query}`;
  }

  /** Fills what SNS fills (MessageId, Timestamp, TopicArn, SignatureVersion, SigningCertURL) unless given, and signs. */
  sign(fields: SnsFields, version: '1' | '2' = '2'): SnsMessage {
    const message: SnsMessage = {
      MessageId: randomUUID(),
      Timestamp: new Date().toISOString(),
      TopicArn: DEFAULT_TOPIC_ARN,
      SignatureVersion: version,
      SigningCertURL: this.certUrl,
      ...fields,
      Signature: '',
    };
    message.Signature = sign(
      version === '1' ? 'sha1' : 'sha256',
      Buffer.from(stringToSign(message), 'utf8'),
      this.privateKeyPem,
    ).toString('base64');
    return message;
  }

  /** A Notification carrying `message` as JSON (a string is sent as is). */
  notification(message: object | string, opts: SnsOptions = {}): SnsMessage {
    const { version, ...fields } = opts;
    const topicArn = fields.TopicArn ?? DEFAULT_TOPIC_ARN;
    return this.sign(
      {
        Type: 'Notification',
        Message: typeof message === 'string' ? message : JSON.stringify(message),
        UnsubscribeURL: `${this.origin}/unsubscribe?Action=Unsubscribe&SubscriptionArn=${encodeURIComponent(`${topicArn}:${randomUUID()}`)}`,
        ...fields,
      },
      version,
    );
  }

  /** A SubscriptionConfirmation whose SubscribeURL is `subscribeUrl` (e.g. confirmUrl(token)). */
  subscriptionConfirmation(subscribeUrl: string, opts: SnsOptions = {}): SnsMessage {
    const { version, ...fields } = opts;
    const topicArn = fields.TopicArn ?? DEFAULT_TOPIC_ARN;
    return this.sign(
      {
        Type: 'SubscriptionConfirmation',
        Message: `You have chosen to subscribe to the topic ${topicArn}.\nTo confirm the subscription, visit the SubscribeURL included in this message.`,
        SubscribeURL: subscribeUrl,
        Token: new URL(subscribeUrl).searchParams.get('Token') ?? randomBytes(64).toString('hex'),
        ...fields,
      },
      version,
    );
  }

  /** Resolves with the next /confirm visit (tests wait on events, never on time). */
  nextConfirmation(): Promise<string> {
    return new Promise((resolve) => this.confirmationWaiters.push(resolve));
  }

  async stop(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve());
  }

  private async start(): Promise<void> {
    this.server = createServer((req, res) => {
      const path = (req.url ?? '/').split('?')[0];
      if (req.method === 'GET' && path.endsWith('.pem')) {
        this.certFetches++;
        if (path !== this.certPath) {
          res.writeHead(404).end();
          return;
        }
        res.writeHead(200, { 'content-type': 'application/x-x509-ca-cert' });
        res.end(this.certificatePem);
        return;
      }
      if (req.method === 'GET' && path === '/confirm') {
        const url = `${this.origin}${req.url}`;
        this.confirmations.push(url);
        for (const wake of this.confirmationWaiters.splice(0)) wake(url);
        res.writeHead(200, { 'content-type': 'text/xml' });
        res.end(
          '<ConfirmSubscriptionResponse xmlns="http://sns.amazonaws.com/doc/2010-03-31/"><ConfirmSubscriptionResult>' +
            `<SubscriptionArn>${DEFAULT_TOPIC_ARN}:${randomUUID()}</SubscriptionArn></ConfirmSubscriptionResult></ConfirmSubscriptionResponse>`,
        );
        return;
      }
      res.writeHead(404).end();
    });
    this.server.on('connection', (s) => {
      this.sockets.add(s);
      s.on('close', () => this.sockets.delete(s));
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    const { port } = this.server.address() as { port: number };
    this.origin = `http://127.0.0.1:${port}`;
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}
