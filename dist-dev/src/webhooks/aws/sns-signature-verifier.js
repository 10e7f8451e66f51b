"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.SnsSignatureVerifier = exports.InvalidSnsSignature = void 0;
exports.sameOrigin = sameOrigin;
const node_crypto_1 = require("node:crypto");
const sns_message_1 = require("./sns-message");
class InvalidSnsSignature extends Error {
    reason;
    constructor(reason) {
        super(`SNS signature rejected: ${reason}`);
        this.reason = reason;
        this.name = 'InvalidSnsSignature';
    }
}
exports.InvalidSnsSignature = InvalidSnsSignature;
const SIGNATURE_HASH = { '1': 'sha1', '2': 'sha256' };
const MAX_CERTIFICATE_BYTES = 16 * 1024;
const PEM_CERTIFICATE = '-----BEGIN CERTIFICATE-----';
class SnsSignatureVerifier {
    certUrlPattern;
    fetchCertificate;
    now;
    maxCertificates;
    certificates = new Map();
    constructor(options) {
        const flags = options.certUrlPattern.flags.replace(/[gym]/g, '');
        this.certUrlPattern = new RegExp(`^(?:${options.certUrlPattern.source})$`, flags);
        const timeoutMs = options.certificateTimeoutMs ?? 5000;
        this.fetchCertificate = options.fetchCertificate ?? ((url) => fetchCertificatePem(url, timeoutMs));
        this.now = options.now ?? (() => new Date());
        this.maxCertificates = Math.max(1, options.maxCertificates ?? 20);
    }
    async verify(m) {
        const hash = Object.hasOwn(SIGNATURE_HASH, m.SignatureVersion) ? SIGNATURE_HASH[m.SignatureVersion] : undefined;
        if (!hash)
            throw new InvalidSnsSignature('version');
        if (!this.trustedCertUrl(m.SigningCertURL))
            throw new InvalidSnsSignature('certificate_url');
        const certificate = await this.certificate(m.SigningCertURL);
        const now = this.now().getTime();
        if (!(now >= certificate.validFrom && now <= certificate.validTo))
            throw new InvalidSnsSignature('expired_certificate');
        let valid = false;
        try {
            const signature = Buffer.from(m.Signature, 'base64');
            valid =
                signature.length > 0 &&
                    (0, node_crypto_1.verify)(hash, Buffer.from((0, sns_message_1.stringToSign)(m), 'utf8'), certificate.publicKey, signature);
        }
        catch {
            valid = false;
        }
        if (!valid)
            throw new InvalidSnsSignature('signature');
    }
    trustedCertUrl(url) {
        if (typeof url !== 'string' || !/^[\x21-\x7e]+$/.test(url) || !this.certUrlPattern.test(url))
            return false;
        let parsed;
        try {
            parsed = new URL(url);
        }
        catch {
            return false;
        }
        return ((parsed.protocol === 'https:' || parsed.protocol === 'http:') &&
            parsed.username === '' &&
            parsed.password === '' &&
            parsed.href === url);
    }
    certificate(url) {
        const cached = this.certificates.get(url);
        if (cached) {
            this.certificates.delete(url);
            this.certificates.set(url, cached);
            return cached;
        }
        const loading = this.load(url);
        this.certificates.set(url, loading);
        loading.catch(() => {
            if (this.certificates.get(url) === loading)
                this.certificates.delete(url);
        });
        while (this.certificates.size > this.maxCertificates) {
            this.certificates.delete(this.certificates.keys().next().value);
        }
        return loading;
    }
    async load(url) {
        try {
            const certificate = new node_crypto_1.X509Certificate(await this.fetchCertificate(url));
            const validFrom = Date.parse(certificate.validFrom);
            const validTo = Date.parse(certificate.validTo);
            if (certificate.publicKey.asymmetricKeyType !== 'rsa' || Number.isNaN(validFrom) || Number.isNaN(validTo)) {
                throw new Error('unusable certificate');
            }
            return { publicKey: certificate.publicKey, validFrom, validTo };
        }
        catch {
            throw new InvalidSnsSignature('certificate');
        }
    }
}
exports.SnsSignatureVerifier = SnsSignatureVerifier;
async function fetchCertificatePem(url, timeoutMs) {
    const response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs), redirect: 'error' });
    if (response.status !== 200 || !response.body) {
        await response.body?.cancel();
        throw new Error(`certificate fetch answered ${response.status}`);
    }
    if (Number(response.headers.get('content-length') ?? 0) > MAX_CERTIFICATE_BYTES) {
        await response.body.cancel();
        throw new Error('certificate too large');
    }
    const chunks = [];
    let size = 0;
    const reader = response.body.getReader();
    for (;;) {
        const { done, value } = await reader.read();
        if (done)
            break;
        size += value.byteLength;
        if (size > MAX_CERTIFICATE_BYTES) {
            await reader.cancel();
            throw new Error('certificate too large');
        }
        chunks.push(value);
    }
    const text = Buffer.concat(chunks).toString('utf8');
    if (!text.includes(PEM_CERTIFICATE))
        throw new Error('not a PEM certificate');
    return text;
}
function sameOrigin(a, b) {
    try {
        const x = new URL(a);
        const y = new URL(b);
        const plain = (u) => (u.protocol === 'https:' || u.protocol === 'http:') && u.username === '' && u.password === '';
        return plain(x) && plain(y) && x.origin === y.origin;
    }
    catch {
        return false;
    }
}
//# sourceMappingURL=sns-signature-verifier.js.map