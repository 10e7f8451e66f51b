"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.awsRegionSetting = awsRegionSetting;
exports.awsClientOptions = awsClientOptions;
const node_http_handler_1 = require("@smithy/node-http-handler");
const env_rules_1 = require("../../config/env-rules");
function awsRegionSetting(env) {
    return { env, rule: (0, env_rules_1.text)(/^[a-z]{2}(-[a-z]+)+-\d$/, 'an AWS region such as us-east-1'), default: 'us-east-1' };
}
function awsClientOptions(region, endpoint, timeoutMs) {
    return {
        region,
        endpoint,
        maxAttempts: 1,
        requestHandler: new node_http_handler_1.NodeHttpHandler({ connectionTimeout: timeoutMs, requestTimeout: timeoutMs }),
    };
}
//# sourceMappingURL=aws-client.js.map