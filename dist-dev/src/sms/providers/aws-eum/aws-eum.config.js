"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.AWS_EUM_CONFIG_KEYS = exports.AWS_EUM_CONFIG = exports.AWS_EUM_SETTINGS = void 0;
const env_rules_1 = require("../../../config/env-rules");
const aws_client_1 = require("../aws-client");
exports.AWS_EUM_SETTINGS = {
    awsEumEnabled: { env: 'AWS_EUM_ENABLED', rule: (0, env_rules_1.bool)(), default: false },
    awsEumRegion: (0, aws_client_1.awsRegionSetting)('AWS_EUM_REGION'),
    awsEumOriginationIdentity: {
        env: 'AWS_EUM_ORIGINATION_IDENTITY',
        rule: (0, env_rules_1.text)(/^[A-Za-z0-9_:/+.-]{1,256}$/, 'a phone number, sender id, pool id or ARN'),
    },
    awsEumConfigurationSet: {
        env: 'AWS_EUM_CONFIGURATION_SET',
        rule: (0, env_rules_1.text)(/^[A-Za-z0-9_:/-]{1,256}$/, 'a configuration set name or ARN'),
    },
    awsEumEndpoint: { env: 'AWS_EUM_ENDPOINT', rule: (0, env_rules_1.url)(['http', 'https']) },
};
exports.AWS_EUM_CONFIG = Symbol('AWS_EUM_CONFIG');
exports.AWS_EUM_CONFIG_KEYS = [...(0, env_rules_1.settingKeys)(exports.AWS_EUM_SETTINGS), 'providerTimeoutMs', 'maxPriceUsd'];
//# sourceMappingURL=aws-eum.config.js.map