"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.SnsSigner = exports.DEFAULT_TOPIC_ARN = void 0;
const node_crypto_1 = require("node:crypto");
const node_http_1 = require("node:http");
const selfsigned_1 = require("selfsigned");
const sns_message_1 = require("../../src/webhooks/aws/sns-message");
exports.DEFAULT_TOPIC_ARN = 'arn:aws:sns:eu-west-1:123456789012:mfa-events';
class SnsSigner {
    certificatePem;
    privateKeyPem;
    certPath;
    certFetches = 0;
    confirmations = [];
    sockets = new Set();
    confirmationWaiters = [];
    server;
    origin = '';
    constructor(certificatePem, privateKeyPem, certPath) {
        this.certificatePem = certificatePem;
        this.privateKeyPem = privateKeyPem;
        this.certPath = certPath;
    }
    static async create(options = {}) {
        const pems = await (0, selfsigned_1.generate)([{ name: 'commonName', value: 'sns.amazonaws.com' }], {
            keyType: 'rsa',
            keySize: 2048,
            algorithm: 'sha256',
            notBeforeDate: options.notBefore,
            notAfterDate: options.notAfter,
        });
        const signer = new SnsSigner(pems.cert, pems.private, `/SimpleNotificationService-${(0, node_crypto_1.randomBytes)(16).toString('hex')}.pem`);
        await signer.start();
        return signer;
    }
    get certUrl() {
        return `${this.origin}${this.certPath}`;
    }
    get certUrlPattern() {
        return `^${escapeRegExp(this.origin)}/SimpleNotificationService-[a-zA-Z0-9]+\\.pem$`;
    }
    confirmUrl(token, topicArn = exports.DEFAULT_TOPIC_ARN) {
        const query = new URLSearchParams({ Action: 'ConfirmSubscription', TopicArn: topicArn, Token: token });
        return `${this.origin}/confirm?${query}`;
    }
    sign(fields, version = '2') {
        const message = {
            MessageId: (0, node_crypto_1.randomUUID)(),
            Timestamp: new Date().toISOString(),
            TopicArn: exports.DEFAULT_TOPIC_ARN,
            SignatureVersion: version,
            SigningCertURL: this.certUrl,
            ...fields,
            Signature: '',
        };
        message.Signature = (0, node_crypto_1.sign)(version === '1' ? 'sha1' : 'sha256', Buffer.from((0, sns_message_1.stringToSign)(message), 'utf8'), this.privateKeyPem).toString('base64');
        return message;
    }
    notification(message, opts = {}) {
        const { version, ...fields } = opts;
        const topicArn = fields.TopicArn ?? exports.DEFAULT_TOPIC_ARN;
        return this.sign({
            Type: 'Notification',
            Message: typeof message === 'string' ? message : JSON.stringify(message),
            UnsubscribeURL: `${this.origin}/unsubscribe?Action=Unsubscribe&SubscriptionArn=${encodeURIComponent(`${topicArn}:${(0, node_crypto_1.randomUUID)()}`)}`,
            ...fields,
        }, version);
    }
    subscriptionConfirmation(subscribeUrl, opts = {}) {
        const { version, ...fields } = opts;
        const topicArn = fields.TopicArn ?? exports.DEFAULT_TOPIC_ARN;
        return this.sign({
            Type: 'SubscriptionConfirmation',
            Message: `You have chosen to subscribe to the topic ${topicArn}.\nTo confirm the subscription, visit the SubscribeURL included in this message.`,
            SubscribeURL: subscribeUrl,
            Token: new URL(subscribeUrl).searchParams.get('Token') ?? (0, node_crypto_1.randomBytes)(64).toString('hex'),
            ...fields,
        }, version);
    }
    nextConfirmation() {
        return new Promise((resolve) => this.confirmationWaiters.push(resolve));
    }
    async stop() {
        for (const s of this.sockets)
            s.destroy();
        await new Promise((resolve) => this.server?.close(() => resolve()) ?? resolve());
    }
    async start() {
        this.server = (0, node_http_1.createServer)((req, res) => {
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
                for (const wake of this.confirmationWaiters.splice(0))
                    wake(url);
                res.writeHead(200, { 'content-type': 'text/xml' });
                res.end('<ConfirmSubscriptionResponse xmlns="http://sns.amazonaws.com/doc/2010-03-31/"><ConfirmSubscriptionResult>' +
                    `<SubscriptionArn>${exports.DEFAULT_TOPIC_ARN}:${(0, node_crypto_1.randomUUID)()}</SubscriptionArn></ConfirmSubscriptionResult></ConfirmSubscriptionResponse>`);
                return;
            }
            res.writeHead(404).end();
        });
        this.server.on('connection', (s) => {
            this.sockets.add(s);
            s.on('close', () => this.sockets.delete(s));
        });
        await new Promise((resolve) => this.server.listen(0, '127.0.0.1', resolve));
        const { port } = this.server.address();
        this.origin = `http://127.0.0.1:${port}`;
    }
}
exports.SnsSigner = SnsSigner;
function escapeRegExp(text) {
    return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}
//# sourceMappingURL=sns-signer.js.map