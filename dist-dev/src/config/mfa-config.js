"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.SETTINGS_REFERENCE = exports.ConfigError = exports.HOST_PROVIDER_DEFAULTS = exports.MFA_CONFIG = exports.PROVIDER_NAME = exports.BUILT_IN_PROVIDERS = void 0;
exports.loadMfaConfig = loadMfaConfig;
exports.hideSecrets = hideSecrets;
exports.configSlice = configSlice;
const env_rules_1 = require("./env-rules");
const config_checks_1 = require("./config-checks");
const sns_message_1 = require("../webhooks/aws/sns-message");
const aws_eum_config_1 = require("../sms/providers/aws-eum/aws-eum.config");
const aws_sns_config_1 = require("../sms/providers/aws-sns/aws-sns.config");
const twilio_config_1 = require("../sms/providers/twilio/twilio.config");
exports.BUILT_IN_PROVIDERS = ['TWILIO', 'AWS_SNS', 'AWS_EUM', 'MOCK'];
exports.PROVIDER_NAME = /^[A-Z][A-Z0-9_]{0,31}$/;
exports.MFA_CONFIG = Symbol('MFA_CONFIG');
const SCHEMA = {
    nodeEnv: { env: 'MFA_ENV', rule: (0, env_rules_1.oneOf)('development', 'production', 'test'), default: 'development' },
    databaseUrl: { env: 'DATABASE_URL', rule: (0, env_rules_1.url)(['postgres', 'postgresql']), secret: true },
    dataDir: { env: 'DATA_DIR', rule: (0, env_rules_1.text)(), default: './.data' },
    databasePoolSize: { env: 'DATABASE_POOL_SIZE', rule: (0, env_rules_1.int)(2, 200), default: 20 },
    migrationsRun: { env: 'MFA_MIGRATIONS_RUN', rule: (0, env_rules_1.bool)(), default: true },
    databaseConnectTimeoutMs: { env: 'DATABASE_CONNECT_TIMEOUT_MS', rule: (0, env_rules_1.int)(100, 60_000), default: 3000 },
    databaseStatementTimeoutMs: { env: 'DATABASE_STATEMENT_TIMEOUT_MS', rule: (0, env_rules_1.int)(100, 600_000), default: 10_000 },
    shutdownDrainMs: { env: 'SHUTDOWN_DRAIN_MS', rule: (0, env_rules_1.int)(0, 120_000), default: 10_000 },
    docsEnabled: { env: 'MFA_DOCS_ENABLED', rule: (0, env_rules_1.bool)(), default: (c) => !c.production },
    opsPort: { env: 'OPS_PORT', rule: (0, env_rules_1.int)(1, 65535) },
    opsToken: { env: 'OPS_TOKEN', rule: (0, env_rules_1.text)(/^.{32,}$/, 'a string of at least 32 characters'), secret: true },
    redisUrl: { env: 'REDIS_URL', rule: (0, env_rules_1.url)(['redis', 'rediss']), secret: true },
    port: { env: 'PORT', rule: (0, env_rules_1.int)(0, 65535), default: 3000 },
    httpAdapter: { env: 'HTTP_ADAPTER', rule: (0, env_rules_1.oneOf)('express', 'fastify'), default: 'fastify' },
    publicBaseUrl: { env: 'PUBLIC_BASE_URL', rule: (0, env_rules_1.url)(['http', 'https']) },
    trustProxy: { env: 'TRUST_PROXY', rule: (0, env_rules_1.trustProxy)(), default: false },
    ipv6SubnetPrefix: { env: 'IPV6_SUBNET_PREFIX', rule: (0, env_rules_1.int)(32, 128), default: 64 },
    enrollNumberHourlyLimit: { env: 'SMS_ENROLL_NUMBER_HOURLY_LIMIT', rule: (0, env_rules_1.int)(1, 1_000_000), default: 3 },
    enrollNumberDailyLimit: { env: 'SMS_ENROLL_NUMBER_DAILY_LIMIT', rule: (0, env_rules_1.int)(1, 1_000_000), default: 5 },
    enrollNumberTotalHourlyLimit: {
        env: 'SMS_ENROLL_NUMBER_TOTAL_HOURLY_LIMIT',
        rule: (0, env_rules_1.int)(1, 1_000_000),
        default: (c) => Math.max(10, c.enrollNumberHourlyLimit ?? 0),
    },
    enrollNumberTotalDailyLimit: {
        env: 'SMS_ENROLL_NUMBER_TOTAL_DAILY_LIMIT',
        rule: (0, env_rules_1.int)(1, 1_000_000),
        default: (c) => Math.max(20, c.enrollNumberDailyLimit ?? 0),
    },
    smsEnabled: { env: 'SMS_BACKUP_ENABLED', rule: (0, env_rules_1.bool)(), default: true },
    codeLength: { env: 'SMS_CODE_LENGTH', rule: (0, env_rules_1.int)(4, 10), default: 6 },
    codeValidityMinutes: { env: 'SMS_CODE_VALIDITY_MINUTES', rule: (0, env_rules_1.int)(1, 10), default: 10 },
    maxAttempts: { env: 'SMS_MAX_ATTEMPTS', rule: (0, env_rules_1.int)(1, 10), default: 3 },
    cooldownMinutes: { env: 'SMS_COOLDOWN_MINUTES', rule: (0, env_rules_1.int)(0, 1440), default: 1 },
    dailyLimit: { env: 'SMS_DAILY_LIMIT', rule: (0, env_rules_1.int)(1, 1_000_000), default: 10 },
    hourlyLimit: { env: 'SMS_HOURLY_LIMIT', rule: (0, env_rules_1.int)(1, 1_000_000), default: 5 },
    ipHourlyLimit: { env: 'SMS_IP_HOURLY_LIMIT', rule: (0, env_rules_1.int)(1, 1_000_000), default: 20 },
    progressiveCooldown: { env: 'SMS_PROGRESSIVE_COOLDOWN', rule: (0, env_rules_1.bool)(), default: true },
    cooldownMaxMinutes: { env: 'SMS_COOLDOWN_MAX_MINUTES', rule: (0, env_rules_1.int)(1, 1440), default: 60 },
    verifyFailureThreshold: { env: 'SMS_VERIFY_FAILURE_THRESHOLD', rule: (0, env_rules_1.int)(1, 1000), default: 10 },
    verifyFailureHardLimit: { env: 'SMS_VERIFY_FAILURE_HARD_LIMIT', rule: (0, env_rules_1.int)(2, 100_000), default: 100 },
    fraudDisabledRules: { env: 'SMS_FRAUD_DISABLED_RULES', rule: (0, env_rules_1.nameList)(), default: [] },
    fraudMaxNumbersPerUser: { env: 'SMS_FRAUD_MAX_NUMBERS_PER_USER', rule: (0, env_rules_1.int)(1, 1000), default: 3 },
    fraudMaxNumbersPerIp: { env: 'SMS_FRAUD_MAX_NUMBERS_PER_IP', rule: (0, env_rules_1.int)(1, 100_000), default: 10 },
    fraudVelocityFactor: { env: 'SMS_FRAUD_VELOCITY_FACTOR', rule: (0, env_rules_1.int)(2, 1000), default: 5 },
    fraudVelocityMinSends: { env: 'SMS_FRAUD_VELOCITY_MIN_SENDS', rule: (0, env_rules_1.int)(1, 1_000_000), default: 20 },
    fraudMinConversionPercent: { env: 'SMS_FRAUD_MIN_CONVERSION_PERCENT', rule: (0, env_rules_1.int)(0, 100), default: 10 },
    fraudConversionMinSends: { env: 'SMS_FRAUD_CONVERSION_MIN_SENDS', rule: (0, env_rules_1.int)(1, 1_000_000), default: 20 },
    fraudMinAccounts: { env: 'SMS_FRAUD_MIN_ACCOUNTS', rule: (0, env_rules_1.int)(1, 1_000_000), default: 5 },
    fraudWarmupSends: { env: 'SMS_FRAUD_WARMUP_SENDS', rule: (0, env_rules_1.int)(0, 10_000_000), default: 200 },
    fraudConversionSettleMinutes: { env: 'SMS_FRAUD_CONVERSION_SETTLE_MINUTES', rule: (0, env_rules_1.int)(1, 10), default: 3 },
    httpThrottlePerMinute: { env: 'HTTP_THROTTLE_PER_MINUTE', rule: (0, env_rules_1.int)(1, 10_000_000), default: 60 },
    codeSecret: { env: 'SMS_CODE_SECRET', rule: (0, env_rules_1.text)(/^.{32,}$/, 'a string of at least 32 characters'), secret: true },
    encryptionKey: {
        env: 'MFA_ENCRYPTION_KEY',
        rule: (0, env_rules_1.text)(/^[0-9a-fA-F]{64}$/, 'a 256-bit key as 64 hexadecimal characters'),
        secret: true,
    },
    previousEncryptionKeys: {
        env: 'MFA_ENCRYPTION_PREVIOUS_KEYS',
        rule: (0, env_rules_1.hexKeyList)(),
        default: [],
        secret: true,
    },
    totpFailureThreshold: { env: 'MFA_TOTP_FAILURE_THRESHOLD', rule: (0, env_rules_1.int)(1, 1000), default: 5 },
    totpFailureHardLimit: { env: 'MFA_TOTP_FAILURE_HARD_LIMIT', rule: (0, env_rules_1.int)(2, 100_000), default: 100 },
    assuranceMaxAgeMinutes: { env: 'MFA_ASSURANCE_MAX_AGE_MINUTES', rule: (0, env_rules_1.int)(1, 43_200), default: 720 },
    stepUpMaxAgeMinutes: { env: 'MFA_STEP_UP_MAX_AGE_MINUTES', rule: (0, env_rules_1.int)(1, 1440), default: 10 },
    allowRemovingLastFactor: { env: 'MFA_ALLOW_REMOVING_LAST_FACTOR', rule: (0, env_rules_1.bool)(), default: false },
    adminRequiresMfa: { env: 'MFA_ADMIN_REQUIRES_MFA', rule: (0, env_rules_1.bool)(), default: true },
    templates: { env: 'SMS_TEMPLATES_JSON', rule: (0, env_rules_1.templateMap)(), default: {} },
    allowedCountries: { env: 'SMS_ALLOWED_COUNTRIES', rule: (0, env_rules_1.countryList)(), default: [] },
    blockedCountries: { env: 'SMS_BLOCKED_COUNTRIES', rule: (0, env_rules_1.countryList)(), default: [] },
    fraudMode: { env: 'SMS_FRAUD_MODE', rule: (0, env_rules_1.oneOf)('block', 'monitor'), default: 'block' },
    appName: { env: 'SMS_APP_NAME', rule: (0, env_rules_1.text)(/^.{1,40}$/, 'a name of 1 to 40 characters'), default: 'Haven Health' },
    webOtpDomain: {
        env: 'SMS_WEBOTP_DOMAIN',
        rule: (0, env_rules_1.text)(/^(?=.{1,253}$)([a-z0-9-]+\.)+[a-z]{2,}$/i, 'a bare domain name such as example.org'),
    },
    androidAppHash: {
        env: 'SMS_ANDROID_APP_HASH',
        rule: (0, env_rules_1.text)(/^[A-Za-z0-9+/]{11}$/, 'the 11-character SMS Retriever hash of the Android app'),
    },
    channels: { env: 'SMS_CHANNELS', rule: (0, env_rules_1.subsetOf)('sms', 'voice', 'whatsapp'), default: ['sms'] },
    voiceFallback: { env: 'SMS_VOICE_FALLBACK', rule: (0, env_rules_1.bool)(), default: false },
    voiceFixedLineCountries: { env: 'SMS_VOICE_FIXED_LINE_COUNTRIES', rule: (0, env_rules_1.countryList)(), default: [] },
    allowNonGeographic: { env: 'SMS_ALLOW_NON_GEOGRAPHIC', rule: (0, env_rules_1.bool)(), default: false },
    awsSnsCertUrlPattern: {
        env: 'AWS_SNS_CERT_URL_PATTERN',
        rule: (0, env_rules_1.regexSource)(),
        default: sns_message_1.AWS_SNS_CERT_URL.source,
    },
    awsSnsTopicArns: { env: 'AWS_SNS_TOPIC_ARNS', rule: (0, env_rules_1.arnList)(), default: [] },
    providerTimeoutMs: { env: 'SMS_PROVIDER_TIMEOUT_MS', rule: (0, env_rules_1.int)(100, 60_000), default: 5000 },
    maxPriceUsd: { env: 'SMS_MAX_PRICE_USD', rule: (0, env_rules_1.decimal)(0.0001, 100) },
    testNumbers: { env: 'SMS_TEST_NUMBERS', rule: (0, env_rules_1.testNumberMap)(), default: {}, secret: true },
    testNumbersValidUntil: { env: 'SMS_TEST_NUMBERS_VALID_UNTIL', rule: (0, env_rules_1.isoTime)() },
    priceTableFile: { env: 'SMS_PRICE_TABLE_FILE', rule: (0, env_rules_1.text)() },
    dailySpendLimitUsd: { env: 'SMS_DAILY_SPEND_LIMIT_USD', rule: (0, env_rules_1.decimal)(0.01, 10_000_000) },
    countryDailySpendLimitUsd: { env: 'SMS_COUNTRY_DAILY_SPEND_LIMIT_USD', rule: (0, env_rules_1.decimal)(0.01, 10_000_000) },
    routing: { env: 'SMS_ROUTING', rule: (0, env_rules_1.oneOf)('priority', 'cost'), default: 'priority' },
    cleanupIntervalMinutes: { env: 'CLEANUP_INTERVAL_MINUTES', rule: (0, env_rules_1.int)(0, 10_080), default: 60 },
    challengeGraceHours: { env: 'CLEANUP_CHALLENGE_GRACE_HOURS', rule: (0, env_rules_1.int)(0, 8760), default: 24 },
    sendLogRetentionDays: { env: 'SMS_LOG_RETENTION_DAYS', rule: (0, env_rules_1.int)(1, 3650), default: 90 },
    fraudEventRetentionDays: { env: 'FRAUD_EVENT_RETENTION_DAYS', rule: (0, env_rules_1.int)(1, 3650), default: 180 },
    cleanupBatchSize: { env: 'CLEANUP_BATCH_SIZE', rule: (0, env_rules_1.int)(100, 100_000), default: 5000 },
    alertIntervalSeconds: { env: 'ALERT_INTERVAL_SECONDS', rule: (0, env_rules_1.int)(0, 86_400), default: 60 },
    alertWindowMinutes: { env: 'ALERT_WINDOW_MINUTES', rule: (0, env_rules_1.int)(1, 1440), default: 10 },
    alertWebhookUrl: { env: 'ALERT_WEBHOOK_URL', rule: (0, env_rules_1.url)(['http', 'https']), secret: true },
    alertFailureRatePercent: { env: 'ALERT_FAILURE_RATE_PERCENT', rule: (0, env_rules_1.int)(1, 100), default: 20 },
    alertMinAttempts: { env: 'ALERT_MIN_ATTEMPTS', rule: (0, env_rules_1.int)(1, 1_000_000), default: 10 },
    alertRateLimitedPerWindow: { env: 'ALERT_RATE_LIMITED_PER_WINDOW', rule: (0, env_rules_1.int)(1, 10_000_000), default: 200 },
    alertFraudTriggersPerWindow: { env: 'ALERT_FRAUD_TRIGGERS_PER_WINDOW', rule: (0, env_rules_1.int)(1, 10_000_000), default: 20 },
    alertDeliverySeconds: { env: 'ALERT_DELIVERY_SECONDS', rule: (0, env_rules_1.int)(1, 86_400), default: 60 },
    logLevel: {
        env: 'LOG_LEVEL',
        rule: (0, env_rules_1.oneOf)('fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'),
        default: 'info',
    },
    circuitFailureThreshold: { env: 'SMS_CIRCUIT_FAILURE_THRESHOLD', rule: (0, env_rules_1.int)(1, 100), default: 3 },
    circuitHalfOpenMs: { env: 'SMS_CIRCUIT_HALF_OPEN_MS', rule: (0, env_rules_1.int)(100, 3_600_000), default: 30_000 },
    ...twilio_config_1.TWILIO_SETTINGS,
    ...aws_sns_config_1.AWS_SNS_SETTINGS,
    ...aws_eum_config_1.AWS_EUM_SETTINGS,
    mockSmsEnabled: {
        env: 'MOCK_SMS_ENABLED',
        rule: (0, env_rules_1.bool)(),
        default: (c) => c.nodeEnv === 'development' && !c.twilioEnabled && !c.awsSnsEnabled && !c.awsEumEnabled,
    },
    authJwtSecret: { env: 'AUTH_JWT_SECRET', rule: (0, env_rules_1.text)(/^.{32,}$/, 'a string of at least 32 characters'), secret: true },
    authJwtIssuer: { env: 'AUTH_JWT_ISSUER', rule: (0, env_rules_1.text)(/^.{1,200}$/, 'a string of 1 to 200 characters') },
    authJwtAudience: { env: 'AUTH_JWT_AUDIENCE', rule: (0, env_rules_1.text)(/^.{1,200}$/, 'a string of 1 to 200 characters') },
    authJwtMaxLifetimeMinutes: { env: 'AUTH_JWT_MAX_LIFETIME_MINUTES', rule: (0, env_rules_1.int)(1, 43_200), default: 1440 },
};
const PROVIDER_DEFAULTS = {
    TWILIO: { priority: 1, maxPerMinute: 60, maxPerHour: 1000, maxPerDay: 10000 },
    AWS_SNS: { priority: 2, maxPerMinute: 60, maxPerHour: 1000, maxPerDay: 10000 },
    AWS_EUM: { priority: 3, maxPerMinute: 60, maxPerHour: 1000, maxPerDay: 10000 },
    MOCK: { priority: 100, maxPerMinute: 60, maxPerHour: 1000, maxPerDay: 10000 },
};
exports.HOST_PROVIDER_DEFAULTS = {
    priority: 50,
    maxPerMinute: 60,
    maxPerHour: 1000,
    maxPerDay: 10000,
};
const PROVIDER_FIELDS = {
    priority: { suffix: 'PRIORITY', rule: (0, env_rules_1.int)(0, 1000) },
    maxPerMinute: { suffix: 'MAX_PER_MINUTE', rule: (0, env_rules_1.int)(1, 10_000_000) },
    maxPerHour: { suffix: 'MAX_PER_HOUR', rule: (0, env_rules_1.int)(1, 10_000_000) },
    maxPerDay: { suffix: 'MAX_PER_DAY', rule: (0, env_rules_1.int)(1, 10_000_000) },
};
class ConfigError extends Error {
    problems;
    constructor(problems) {
        super(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
        this.problems = problems;
        this.name = 'ConfigError';
    }
}
exports.ConfigError = ConfigError;
function loadMfaConfig(env, overrides = {}, warnings = []) {
    const problems = [];
    const out = {};
    const values = out;
    for (const key of Object.keys(SCHEMA)) {
        const field = (key === 'nodeEnv' && overrides.nodeEnv === undefined ? { ...SCHEMA.nodeEnv, default: hostMode(env, warnings) } : SCHEMA[key]);
        if (key !== 'nodeEnv')
            out.production ??= out.nodeEnv === 'production';
        const given = overrides[key];
        if (given !== undefined) {
            if (field.rule.check(given))
                values[key] = given;
            else
                problems.push(`${field.env} must be ${field.rule.allowed}`);
            continue;
        }
        const raw = env[field.env];
        if (raw !== undefined && raw.trim() !== '') {
            const parsed = field.rule.parse(raw);
            if (parsed === undefined)
                problems.push(`${field.env} must be ${field.rule.allowed}`);
            else
                values[key] = parsed;
            continue;
        }
        values[key] = typeof field.default === 'function' ? field.default(out) : field.default;
    }
    out.providers = {};
    const fromEnv = Object.keys(env).flatMap((k) => k.match(/^SMS_PROVIDER_([A-Z0-9_]+?)_(PRIORITY|MAX_PER_MINUTE|MAX_PER_HOUR|MAX_PER_DAY)$/)?.[1] ?? []);
    const names = new Set([...exports.BUILT_IN_PROVIDERS, ...Object.keys(overrides.providers ?? {}), ...fromEnv]);
    for (const name of names) {
        if (!exports.PROVIDER_NAME.test(name)) {
            problems.push(`provider names must be 1 to 32 upper-case letters, digits or underscores (${name.slice(0, 32)} is not)`);
            continue;
        }
        const limits = { ...(PROVIDER_DEFAULTS[name] ?? exports.HOST_PROVIDER_DEFAULTS) };
        for (const [key, { suffix, rule }] of Object.entries(PROVIDER_FIELDS)) {
            const variable = `SMS_PROVIDER_${name}_${suffix}`;
            const given = overrides.providers?.[name]?.[key];
            const raw = env[variable];
            const value = given !== undefined ? (rule.check(given) ? given : undefined) : raw ? rule.parse(raw) : limits[key];
            if (value === undefined)
                problems.push(`${variable} must be ${rule.allowed}`);
            else
                limits[key] = value;
        }
        out.providers[name] = limits;
    }
    (0, config_checks_1.checkCombinations)(out, problems, warnings);
    if (problems.length)
        throw new ConfigError(problems);
    return hideSecrets(out, SECRET_KEYS);
}
const MODES = ['development', 'production', 'test'];
function hostMode(env, warnings) {
    const nodeEnv = env.NODE_ENV?.trim();
    if (!nodeEnv)
        return 'development';
    const known = MODES.find((m) => m === nodeEnv);
    if (known)
        return known;
    if (!env.MFA_ENV?.trim())
        warnings.push({
            variable: 'NODE_ENV',
            message: `is ${nodeEnv.slice(0, 24)}, not development, production or test: the module applies its production checks (set MFA_ENV to choose)`,
        });
    return 'production';
}
exports.SETTINGS_REFERENCE = [
    ...Object.keys(SCHEMA).map((k) => {
        const field = SCHEMA[k];
        const given = field.default;
        const shown = typeof given === 'function' ? 'computed' : given === undefined ? '–' : `\`${JSON.stringify(given)}\``;
        return { variable: field.env, allowed: field.rule.allowed, default: shown };
    }),
    ...Object.values(PROVIDER_FIELDS).map((f) => ({ variable: `SMS_PROVIDER_<NAME>_${f.suffix}`, allowed: f.rule.allowed, default: 'per provider' })),
];
const SECRET_KEYS = Object.keys(SCHEMA).filter((k) => SCHEMA[k].secret);
function hideSecrets(config, keys = SECRET_KEYS) {
    for (const key of keys) {
        if (key in config)
            Object.defineProperty(config, key, { value: config[key], enumerable: false });
    }
    return config;
}
function configSlice(token, keys) {
    return {
        provide: token,
        inject: [exports.MFA_CONFIG],
        useFactory: (config) => hideSecrets(Object.fromEntries(keys.map((k) => [k, config[k]]))),
    };
}
//# sourceMappingURL=mfa-config.js.map