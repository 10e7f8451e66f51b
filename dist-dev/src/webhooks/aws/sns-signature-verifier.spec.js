"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
const strict_1 = __importDefault(require("node:assert/strict"));
const node_http_1 = require("node:http");
const node_test_1 = require("node:test");
const sns_signer_1 = require("../../../test/fakes/sns-signer");
const sns_message_1 = require("./sns-message");
const sns_signature_verifier_1 = require("./sns-signature-verifier");
const AWS_CERT_URL = 'https://sns.eu-west-1.amazonaws.com/SimpleNotificationService-01d088a6f77103d0fe307c0069e40ed6.pem';
const YEAR_MS = 365 * 24 * 3600 * 1000;
async function refused(verifier, m, reason) {
    await strict_1.default.rejects(verifier.verify(m), (e) => e instanceof sns_signature_verifier_1.InvalidSnsSignature && e.reason === reason);
}
(0, node_test_1.describe)('SNS signature verifier', () => {
    let signer;
    let other;
    (0, node_test_1.before)(async () => {
        [signer, other] = await Promise.all([sns_signer_1.SnsSigner.create(), sns_signer_1.SnsSigner.create()]);
    });
    (0, node_test_1.after)(async () => {
        await Promise.all([signer.stop(), other.stop()]);
    });
    const verifierFor = (s, options = {}) => new sns_signature_verifier_1.SnsSignatureVerifier({ certUrlPattern: new RegExp(s.certUrlPattern), ...options });
    (0, node_test_1.it)('accepts good version 1 and version 2 signatures, notifications and confirmations', async () => {
        const verifier = verifierFor(signer);
        await verifier.verify(signer.notification({ event: 'delivered' }, { version: '1' }));
        await verifier.verify(signer.notification({ event: 'delivered' }, { Subject: 'Delivery', version: '2' }));
        await verifier.verify(signer.subscriptionConfirmation(signer.confirmUrl('tok'), { version: '1' }));
        await verifier.verify(signer.sign({
            Type: 'UnsubscribeConfirmation',
            Message: 'bye',
            SubscribeURL: signer.confirmUrl('t'),
            Token: 't',
        }));
    });
    (0, node_test_1.it)('refuses a tampered Message, Subject, TopicArn, Type or Token', async () => {
        const verifier = verifierFor(signer);
        const good = signer.notification({ event: 'delivered' }, { Subject: 'Delivery' });
        await refused(verifier, { ...good, Message: '{"event":"failed"}' }, 'signature');
        await refused(verifier, { ...good, Subject: 'Other' }, 'signature');
        await refused(verifier, { ...good, Subject: undefined }, 'signature');
        await refused(verifier, { ...good, TopicArn: 'arn:aws:sns:eu-west-1:123456789012:other' }, 'signature');
        await refused(verifier, { ...good, SignatureVersion: '1' }, 'signature');
        await refused(verifier, { ...good, Signature: '' }, 'signature');
        await refused(verifier, { ...good, Signature: 'not base64!' }, 'signature');
        const confirmation = signer.subscriptionConfirmation(signer.confirmUrl('tok'));
        await refused(verifier, { ...confirmation, Token: 'other' }, 'signature');
        await refused(verifier, { ...confirmation, SubscribeURL: 'http://evil.example/confirm' }, 'signature');
        await refused(verifier, { ...confirmation, Type: 'Notification' }, 'signature');
        await refused(verifier, { ...good, Type: 'Other' }, 'signature');
        await verifier.verify(good);
    });
    (0, node_test_1.it)('refuses certificate URLs off the pattern without fetching them', async () => {
        const verifier = verifierFor(signer);
        const aws = new sns_signature_verifier_1.SnsSignatureVerifier({
            certUrlPattern: sns_message_1.AWS_SNS_CERT_URL,
            fetchCertificate: () => strict_1.default.fail('fetched'),
        });
        const before = signer.certFetches;
        const port = new URL(signer.certUrl).port;
        const file = new URL(signer.certUrl).pathname;
        for (const url of [
            `https://sns.eu-west-1.amazonaws.com.evil.example${file}`,
            `http://evil.example${file}`,
            `https://sns.us-east-1.amazonaws.com@evil.example${file}`,
            `http://127.0.0.1:${port}@evil.example${file}`,
            `http://user@127.0.0.1:${port}${file}`,
            `http://127.0.0.1:${Number(port) + 1}${file}`,
            `http://127.0.0.1:${port}${file}?x=1`,
            `http://127.0.0.1:${port}/x${file}`,
            `http://127.0.0.1:${port}/a/..${file}`,
            ` ${signer.certUrl}`,
            `${signer.certUrl}\n`,
            '',
        ]) {
            await refused(verifier, signer.notification({}, { SigningCertURL: url }), 'certificate_url');
        }
        for (const url of [
            `https://sns.eu-west-1.amazonaws.com.evil.example${file}`,
            `https://sns.us-east-1.amazonaws.com@evil.example${file}`,
            `https://sns.us-east-1.amazonaws.com\\@evil.example${file}`,
            `https://SNS.eu-west-1.amazonaws.com${file}`,
            `http://sns.eu-west-1.amazonaws.com${file}`,
            `https://sns.eu-west-1.amazonaws.com:443${file}`,
        ]) {
            await refused(aws, signer.notification({}, { SigningCertURL: url }), 'certificate_url');
        }
        strict_1.default.equal(signer.certFetches, before);
    });
    (0, node_test_1.it)('refuses a message signed with another key that points at our certificate', async () => {
        const verifier = verifierFor(signer);
        await refused(verifier, other.notification({ event: 'delivered' }, { SigningCertURL: signer.certUrl }), 'signature');
        await refused(verifier, other.notification({ event: 'delivered' }), 'certificate_url');
    });
    (0, node_test_1.it)('refuses signature versions other than 1 and 2, before anything else', async () => {
        const verifier = verifierFor(signer);
        const before = signer.certFetches;
        await refused(verifier, { ...signer.notification({}), SignatureVersion: '3' }, 'version');
        await refused(verifier, { ...signer.notification({}), SignatureVersion: '' }, 'version');
        await refused(verifier, { ...signer.notification({}), SignatureVersion: 'toString' }, 'version');
        strict_1.default.equal(signer.certFetches, before);
    });
    (0, node_test_1.it)('refuses a certificate outside its validity', async () => {
        await refused(verifierFor(signer, { now: () => new Date(Date.now() + 5 * YEAR_MS) }), signer.notification({}), 'expired_certificate');
        await refused(verifierFor(signer, { now: () => new Date(Date.now() - YEAR_MS) }), signer.notification({}), 'expired_certificate');
    });
    (0, node_test_1.it)('refuses a certificate it cannot get or read, and tries again next time', async () => {
        const missing = signer.certUrl.replace(/-[0-9a-f]+\.pem$/, '-0000.pem');
        const verifier = verifierFor(signer);
        const before = signer.certFetches;
        await refused(verifier, signer.notification({}, { SigningCertURL: missing }), 'certificate');
        await refused(verifier, signer.notification({}, { SigningCertURL: missing }), 'certificate');
        strict_1.default.equal(signer.certFetches, before + 2);
        let calls = 0;
        const garbage = verifierFor(signer, {
            fetchCertificate: async () => {
                calls++;
                return '-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n';
            },
        });
        await refused(garbage, signer.notification({}), 'certificate');
        await refused(garbage, signer.notification({}), 'certificate');
        strict_1.default.equal(calls, 2);
    });
    (0, node_test_1.it)('the default fetch refuses redirects, oversize bodies and answers without a PEM certificate', async () => {
        const pem = signer.certificatePem;
        const answers = {
            '/SimpleNotificationService-redirect.pem': (res) => res.writeHead(302, { location: signer.certUrl }).end(),
            '/SimpleNotificationService-big.pem': (res) => res.end(pem + ' '.repeat(16 * 1024)),
            '/SimpleNotificationService-chunked.pem': (res) => {
                res.write(pem);
                res.end('x'.repeat(16 * 1024));
            },
            '/SimpleNotificationService-html.pem': (res) => res.end('<html>not a certificate</html>'),
            '/SimpleNotificationService-good.pem': (res) => res.end(pem),
        };
        const server = (0, node_http_1.createServer)((req, res) => (answers[req.url ?? ''] ?? ((r) => r.writeHead(404).end()))(res));
        await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
        try {
            const origin = `http://127.0.0.1:${server.address().port}`;
            const verifier = new sns_signature_verifier_1.SnsSignatureVerifier({
                certUrlPattern: new RegExp(`^${origin}/SimpleNotificationService-[a-z]+\\.pem$`),
            });
            const at = (id) => signer.notification({}, { SigningCertURL: `${origin}/SimpleNotificationService-${id}.pem` });
            const before = signer.certFetches;
            for (const id of ['redirect', 'big', 'chunked', 'html'])
                await refused(verifier, at(id), 'certificate');
            strict_1.default.equal(signer.certFetches, before);
            await verifier.verify(at('good'));
        }
        finally {
            server.closeAllConnections();
            await new Promise((resolve) => server.close(resolve));
        }
    });
    (0, node_test_1.it)('fetches a certificate once for many messages, and once for concurrent ones', async () => {
        const verifier = verifierFor(signer);
        const start = signer.certFetches;
        await Promise.all(Array.from({ length: 10 }, () => verifier.verify(signer.notification({ n: 1 }))));
        strict_1.default.equal(signer.certFetches, start + 1);
        for (let i = 0; i < 10; i++)
            await verifier.verify(signer.notification({ n: i }, { version: i % 2 ? '1' : '2' }));
        strict_1.default.equal(signer.certFetches, start + 1);
    });
    (0, node_test_1.it)('keeps at most maxCertificates, dropping the least recently used', async () => {
        const fetched = [];
        const verifier = verifierFor(signer, {
            maxCertificates: 2,
            fetchCertificate: async (url) => {
                fetched.push(url);
                return signer.certificatePem;
            },
        });
        const url = (id) => signer.certUrl.replace(/-[0-9a-f]+\.pem$/, `-${id}.pem`);
        const at = (id) => verifier.verify(signer.notification({}, { SigningCertURL: url(id) }));
        await at('a');
        await at('b');
        await at('a');
        await at('c');
        await at('a');
        await at('b');
        strict_1.default.deepEqual(fetched, [url('a'), url('b'), url('c'), url('b')]);
    });
    (0, node_test_1.it)('the default pattern accepts AWS certificate URLs and refuses look-alikes', () => {
        const matches = (url) => sns_message_1.AWS_SNS_CERT_URL.test(url);
        strict_1.default.ok(matches(AWS_CERT_URL));
        strict_1.default.ok(matches('https://sns.cn-north-1.amazonaws.com.cn/SimpleNotificationService-3250158c6506d40628c8f4c4c4fa0e7c.pem'));
        strict_1.default.ok(matches(AWS_CERT_URL.replace('eu-west-1', 'us-gov-west-1')));
        for (const url of [
            AWS_CERT_URL.replace('https:', 'http:'),
            AWS_CERT_URL.replace('amazonaws.com', 'amazonaws.com.evil.example'),
            AWS_CERT_URL.replace('sns.eu-west-1.amazonaws.com', 'sns.eu-west-1.amazonaws.com@evil.example'),
            AWS_CERT_URL.replace('sns.eu-west-1', 'evil.example/sns.eu-west-1'),
            AWS_CERT_URL.replace('sns.', 'snsXeu.'),
            AWS_CERT_URL.replace('sns.eu-west-1', 'sns.s3'),
            AWS_CERT_URL.replace('sns.eu-west-1', 'sns.s3-ap-southeast-2'),
            AWS_CERT_URL.replace('sns.eu-west-1', 'sns.s3-accelerate'),
            AWS_CERT_URL.replace('.pem', '.pem?x'),
            AWS_CERT_URL.replace('.pem', '.pem.evil'),
            AWS_CERT_URL.replace('SimpleNotificationService-', 'x/SimpleNotificationService-'),
            `${AWS_CERT_URL}\n`,
        ]) {
            strict_1.default.equal(matches(url), false, url);
        }
    });
    (0, node_test_1.it)('the verifier anchors a pattern given without anchors or with g/m flags', async () => {
        const loose = new sns_signature_verifier_1.SnsSignatureVerifier({ certUrlPattern: new RegExp(signer.certUrlPattern.slice(1, -1), 'gm') });
        await loose.verify(signer.notification({}));
        await loose.verify(signer.notification({}));
        await refused(loose, signer.notification({}, { SigningCertURL: `${signer.certUrl}x` }), 'certificate_url');
        await refused(loose, signer.notification({}, { SigningCertURL: `x${signer.certUrl}` }), 'certificate_url');
    });
    (0, node_test_1.it)('refuses user-info and URLs the parser would rewrite even when a loose pattern lets them through', async () => {
        const loose = new sns_signature_verifier_1.SnsSignatureVerifier({ certUrlPattern: /^https?:\/\/\S+\.pem$/ });
        const before = signer.certFetches;
        const { host, pathname } = new URL(signer.certUrl);
        for (const url of [
            `http://user@${host}${pathname}`,
            `http://user:pass@${host}${pathname}`,
            `http://evil.example@${host}${pathname}`,
            `http://${host}/a/..${pathname}`,
            `http://${host}/x/%2e%2e${pathname}`,
            `http://${host}/.${pathname}`,
            `http://127.1:${new URL(signer.certUrl).port}${pathname}`,
            `http://${host}${pathname.replace('Simple', 'Simple\t')}`,
        ]) {
            await refused(loose, signer.notification({}, { SigningCertURL: url }), 'certificate_url');
        }
        strict_1.default.equal(signer.certFetches, before);
        await loose.verify(signer.notification({}));
    });
    (0, node_test_1.it)('sameOrigin compares scheme, host and port, and refuses user-info', () => {
        strict_1.default.ok((0, sns_signature_verifier_1.sameOrigin)(AWS_CERT_URL, 'https://sns.eu-west-1.amazonaws.com/?Action=ConfirmSubscription&Token=x'));
        strict_1.default.ok((0, sns_signature_verifier_1.sameOrigin)(signer.certUrl, signer.confirmUrl('x')));
        strict_1.default.equal((0, sns_signature_verifier_1.sameOrigin)(AWS_CERT_URL, 'https://sns.eu-west-1.amazonaws.com.evil.example/?Action=ConfirmSubscription'), false);
        strict_1.default.equal((0, sns_signature_verifier_1.sameOrigin)(AWS_CERT_URL, 'http://sns.eu-west-1.amazonaws.com/'), false);
        strict_1.default.equal((0, sns_signature_verifier_1.sameOrigin)(AWS_CERT_URL, 'https://sns.eu-west-1.amazonaws.com:8443/'), false);
        strict_1.default.equal((0, sns_signature_verifier_1.sameOrigin)(AWS_CERT_URL, 'https://user@sns.eu-west-1.amazonaws.com/'), false);
        strict_1.default.equal((0, sns_signature_verifier_1.sameOrigin)('data:text/plain,x', 'data:text/plain,y'), false);
        strict_1.default.equal((0, sns_signature_verifier_1.sameOrigin)('not a url', 'not a url'), false);
    });
    (0, node_test_1.it)('the signer records visits to its SubscribeURL', async () => {
        const url = signer.confirmUrl('tok-1');
        const visited = signer.nextConfirmation();
        const response = await fetch(url);
        strict_1.default.equal(response.status, 200);
        strict_1.default.equal(await visited, url);
        strict_1.default.ok(signer.confirmations.includes(url));
    });
});
(0, node_test_1.describe)('SNS message parsing', () => {
    const notification = {
        Type: 'Notification',
        MessageId: '22b80b92-fdea-4c2c-8f9d-bdfb0c7bf324',
        TopicArn: 'arn:aws:sns:eu-west-1:123456789012:mfa-events',
        Subject: 'Delivery',
        Message: '{"event":"delivered"}',
        Timestamp: '2026-01-01T00:00:00.000Z',
        SignatureVersion: '2',
        Signature: 'c2ln',
        SigningCertURL: AWS_CERT_URL,
        UnsubscribeURL: 'https://sns.eu-west-1.amazonaws.com/?Action=Unsubscribe',
    };
    const confirmation = {
        ...notification,
        Type: 'SubscriptionConfirmation',
        Subject: undefined,
        SubscribeURL: 'https://sns.eu-west-1.amazonaws.com/?Action=ConfirmSubscription&Token=t',
        Token: 't',
    };
    const invalid = (body, reason) => strict_1.default.throws(() => (0, sns_message_1.parseSnsMessage)(body), (e) => e instanceof sns_message_1.InvalidSnsMessage && e.reason === reason);
    (0, node_test_1.it)('reads an object, a JSON string or a Buffer, keeping only known fields', () => {
        strict_1.default.deepEqual((0, sns_message_1.parseSnsMessage)(notification), notification);
        strict_1.default.deepEqual((0, sns_message_1.parseSnsMessage)(JSON.stringify(notification)), notification);
        strict_1.default.deepEqual((0, sns_message_1.parseSnsMessage)(Buffer.from(JSON.stringify(notification))), notification);
        const parsed = (0, sns_message_1.parseSnsMessage)({ ...notification, MessageAttributes: { a: 1 }, __proto__: { x: 1 } });
        strict_1.default.deepEqual(Object.keys(parsed).sort(), Object.keys(notification).sort());
        strict_1.default.equal('Subject' in (0, sns_message_1.parseSnsMessage)({ ...notification, Subject: undefined }), false);
        strict_1.default.equal((0, sns_message_1.parseSnsMessage)(JSON.stringify(confirmation)).Token, 't');
    });
    (0, node_test_1.it)('refuses non-objects, non-JSON, unknown types and missing or non-string fields', () => {
        invalid('not json', 'not JSON');
        invalid('[1]', 'not an object');
        invalid('null', 'not an object');
        invalid(42, 'not an object');
        invalid(undefined, 'not an object');
        invalid({ ...notification, Type: 'Other' }, 'unknown Type');
        invalid({ ...notification, Type: 'toString' }, 'unknown Type');
        invalid({ ...notification, Type: undefined }, 'unknown Type');
        for (const key of ['MessageId', 'TopicArn', 'Message', 'Timestamp', 'SignatureVersion', 'Signature', 'SigningCertURL']) {
            invalid({ ...notification, [key]: undefined }, `missing ${key}`);
            invalid({ ...notification, [key]: 1 }, `${key} is not a string`);
        }
        invalid({ ...notification, Subject: null }, 'Subject is not a string');
        invalid({ ...confirmation, SubscribeURL: undefined }, 'missing SubscribeURL');
        invalid({ ...confirmation, Type: 'UnsubscribeConfirmation', Token: undefined }, 'missing Token');
    });
    (0, node_test_1.it)('refuses oversize fields and bodies', () => {
        strict_1.default.ok((0, sns_message_1.parseSnsMessage)({ ...notification, Message: 'x'.repeat(256 * 1024) }));
        invalid({ ...notification, Message: 'x'.repeat(256 * 1024 + 1) }, 'Message too long');
        invalid({ ...notification, Message: 'é'.repeat(128 * 1024 + 1) }, 'Message too long');
        invalid({ ...notification, Subject: 'x'.repeat(2049) }, 'Subject too long');
        invalid({ ...notification, Signature: 'x'.repeat(2049) }, 'Signature too long');
        invalid(' '.repeat(2 * 1024 * 1024 + 1), 'body too large');
    });
    (0, node_test_1.it)('builds the string to sign in SNS order, with Subject only when present', () => {
        const m = (0, sns_message_1.parseSnsMessage)(notification);
        strict_1.default.equal((0, sns_message_1.stringToSign)(m), `Message\n${m.Message}\nMessageId\n${m.MessageId}\nSubject\nDelivery\nTimestamp\n${m.Timestamp}\nTopicArn\n${m.TopicArn}\nType\nNotification\n`);
        strict_1.default.equal((0, sns_message_1.stringToSign)({ ...m, Subject: undefined }).includes('Subject'), false);
        const c = (0, sns_message_1.parseSnsMessage)(confirmation);
        strict_1.default.equal((0, sns_message_1.stringToSign)(c), `Message\n${c.Message}\nMessageId\n${c.MessageId}\nSubscribeURL\n${c.SubscribeURL}\nTimestamp\n${c.Timestamp}\nToken\nt\nTopicArn\n${c.TopicArn}\nType\nSubscriptionConfirmation\n`);
    });
});
//# sourceMappingURL=sns-signature-verifier.spec.js.map