"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.TEST_NUMBERS_MAX_DAYS = void 0;
exports.checkCombinations = checkCombinations;
const node_crypto_1 = require("node:crypto");
const ip_ranges_1 = require("../common/ip-ranges");
const phone_number_1 = require("../phone/phone-number");
const sns_message_1 = require("../webhooks/aws/sns-message");
exports.TEST_NUMBERS_MAX_DAYS = 90;
const NAMED_TRUST = /^(loopback|linklocal|uniquelocal)$/;
function checkCombinations(c, problems, warnings) {
    if (c.production) {
        if (c.mockSmsEnabled)
            problems.push('MOCK_SMS_ENABLED must be false when NODE_ENV=production');
        if (!c.databaseUrl)
            problems.push('DATABASE_URL must be set when NODE_ENV=production (the embedded database is for development)');
        if (c.twilioEnabled && !isPublicUrl(c.publicBaseUrl)) {
            problems.push('PUBLIC_BASE_URL must be set to a public URL (not loopback) when TWILIO_ENABLED=true and NODE_ENV=production');
        }
        if (!c.codeSecret)
            problems.push('SMS_CODE_SECRET must be set when NODE_ENV=production');
        if (c.awsEumEnabled && !c.awsSnsTopicArns?.length) {
            problems.push('AWS_SNS_TOPIC_ARNS must be set when AWS_EUM_ENABLED=true and NODE_ENV=production (any AWS account can sign messages from its own topic)');
        }
        if (!c.encryptionKey)
            problems.push('MFA_ENCRYPTION_KEY must be set when NODE_ENV=production');
        checkProductionTrust(c, problems, warnings);
    }
    if (!c.codeSecret) {
        c.codeSecret = (0, node_crypto_1.randomBytes)(32).toString('base64url');
        warnings.push({
            variable: 'SMS_CODE_SECRET',
            message: 'not set: using a generated key (codes do not survive a restart)',
        });
    }
    if (!c.encryptionKey) {
        c.encryptionKey = (0, node_crypto_1.randomBytes)(32).toString('hex');
        warnings.push({
            variable: 'MFA_ENCRYPTION_KEY',
            message: 'not set: using a generated key (TOTP secrets do not survive a restart)',
        });
    }
    if (c.twilioEnabled) {
        for (const [key, variable] of [
            ['twilioAccountSid', 'TWILIO_ACCOUNT_SID'],
            ['twilioAuthToken', 'TWILIO_AUTH_TOKEN'],
        ]) {
            if (!c[key])
                problems.push(`${variable} must be set when TWILIO_ENABLED=true`);
        }
        if (!c.twilioFromNumber && !c.twilioMessagingServiceSid) {
            problems.push('TWILIO_FROM_NUMBER or TWILIO_MESSAGING_SERVICE_SID must be set when TWILIO_ENABLED=true');
        }
    }
    if ((c.verifyFailureHardLimit ?? 0) <= (c.verifyFailureThreshold ?? 0)) {
        problems.push('SMS_VERIFY_FAILURE_HARD_LIMIT must be greater than SMS_VERIFY_FAILURE_THRESHOLD');
    }
    checkTestNumbers(c, problems);
    if ((c.totpFailureHardLimit ?? 0) <= (c.totpFailureThreshold ?? 0)) {
        problems.push('MFA_TOTP_FAILURE_HARD_LIMIT must be greater than MFA_TOTP_FAILURE_THRESHOLD');
    }
    if ((c.stepUpMaxAgeMinutes ?? 0) > (c.assuranceMaxAgeMinutes ?? 0)) {
        problems.push('MFA_STEP_UP_MAX_AGE_MINUTES must not exceed MFA_ASSURANCE_MAX_AGE_MINUTES');
    }
    const both = (c.allowedCountries ?? []).filter((x) => (c.blockedCountries ?? []).includes(x));
    if (both.length)
        problems.push(`SMS_ALLOWED_COUNTRIES and SMS_BLOCKED_COUNTRIES must not share a country (${both.join(', ')})`);
}
function checkTestNumbers(c, problems) {
    const numbers = Object.entries(c.testNumbers ?? {});
    for (const [number, code] of numbers) {
        try {
            if ((0, phone_number_1.parsePhone)(number).e164 !== number)
                throw new Error();
        }
        catch {
            problems.push(`SMS_TEST_NUMBERS must hold valid E.164 numbers (${number.slice(0, 4)}… is not)`);
        }
        if (code.length !== c.codeLength)
            problems.push(`SMS_TEST_NUMBERS codes must have SMS_CODE_LENGTH (${c.codeLength}) digits`);
    }
    if (c.production && numbers.length) {
        const until = c.testNumbersValidUntil ? Date.parse(c.testNumbersValidUntil) : NaN;
        if (!(until > Date.now())) {
            problems.push('SMS_TEST_NUMBERS_VALID_UNTIL must be set, and in the future, when SMS_TEST_NUMBERS is used with NODE_ENV=production');
        }
        else if (until > Date.now() + exports.TEST_NUMBERS_MAX_DAYS * 86_400_000) {
            problems.push(`SMS_TEST_NUMBERS_VALID_UNTIL must be at most ${exports.TEST_NUMBERS_MAX_DAYS} days ahead when NODE_ENV=production (a forgotten test number is a backdoor)`);
        }
    }
}
function checkProductionTrust(c, problems, warnings) {
    if (typeof c.trustProxy === 'string') {
        const wide = c.trustProxy.split(',').map((e) => e.trim()).filter((e) => !NAMED_TRUST.test(e) && (0, ip_ranges_1.coversPublicAddresses)(e));
        if (wide.length) {
            problems.push(`TRUST_PROXY must name only private, loopback or link-local proxies when NODE_ENV=production (${wide.join(', ')} covers public addresses; use a hop count for a public load balancer)`);
        }
    }
    if (c.awsSnsCertUrlPattern !== undefined && c.awsSnsCertUrlPattern !== sns_message_1.AWS_SNS_CERT_URL.source) {
        problems.push('AWS_SNS_CERT_URL_PATTERN must keep its default when NODE_ENV=production (it is widened for local tests only)');
    }
    if (c.twilioApiBaseUrl?.startsWith('http:')) {
        problems.push('TWILIO_API_BASE_URL must be an https URL when NODE_ENV=production (it carries the credentials)');
    }
    if (c.adminRequiresMfa === false) {
        warnings.push({
            variable: 'MFA_ADMIN_REQUIRES_MFA',
            message: 'is false: a stolen operator password alone opens the admin routes (country rules, lockouts)',
        });
    }
}
function isPublicUrl(url) {
    return !!url && !(0, ip_ranges_1.isLoopbackHost)(new URL(url).hostname);
}
//# sourceMappingURL=config-checks.js.map