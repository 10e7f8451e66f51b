"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.AWS_SNS_CONFIG_KEYS = exports.AWS_SNS_CONFIG = exports.AWS_SNS_SETTINGS = void 0;
const env_rules_1 = require("../../../config/env-rules");
const aws_client_1 = require("../aws-client");
exports.AWS_SNS_SETTINGS = {
    awsSnsEnabled: { env: 'AWS_SNS_ENABLED', rule: (0, env_rules_1.bool)(), default: false },
    awsSnsRegion: (0, aws_client_1.awsRegionSetting)('AWS_SNS_REGION'),
    awsSnsSenderId: {
        env: 'AWS_SNS_SENDER_ID',
        rule: (0, env_rules_1.text)(/^(?=.*[A-Za-z])[A-Za-z0-9-]{1,11}$/, '1 to 11 letters, digits or hyphens, at least one letter'),
    },
    awsSnsEndpoint: { env: 'AWS_SNS_ENDPOINT', rule: (0, env_rules_1.url)(['http', 'https']) },
};
exports.AWS_SNS_CONFIG = Symbol('AWS_SNS_CONFIG');
exports.AWS_SNS_CONFIG_KEYS = [...(0, env_rules_1.settingKeys)(exports.AWS_SNS_SETTINGS), 'providerTimeoutMs', 'maxPriceUsd'];
//# sourceMappingURL=aws-sns.config.js.map