"use strict";
var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
var __metadata = (this && this.__metadata) || function (k, v) {
    if (typeof Reflect === "object" && typeof Reflect.metadata === "function") return Reflect.metadata(k, v);
};
var __param = (this && this.__param) || function (paramIndex, decorator) {
    return function (target, key) { decorator(target, key, paramIndex); }
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.AwsSnsSmsProvider = void 0;
const common_1 = require("@nestjs/common");
const client_sns_1 = require("@aws-sdk/client-sns");
const aws_client_1 = require("../aws-client");
const aws_sns_config_1 = require("./aws-sns.config");
const aws_sns_errors_1 = require("./aws-sns-errors");
let AwsSnsSmsProvider = class AwsSnsSmsProvider {
    config;
    name = 'AWS_SNS';
    enabled;
    client;
    constructor(config) {
        this.config = config;
        this.enabled = config.awsSnsEnabled;
        if (!this.enabled)
            return;
        this.client = new client_sns_1.SNSClient((0, aws_client_1.awsClientOptions)(config.awsSnsRegion, config.awsSnsEndpoint, config.providerTimeoutMs));
    }
    async send(message, signal) {
        const attributes = {
            'AWS.SNS.SMS.SMSType': { DataType: 'String', StringValue: 'Transactional' },
        };
        if (message.maxPriceUsd !== undefined) {
            attributes['AWS.SNS.SMS.MaxPrice'] = { DataType: 'Number', StringValue: message.maxPriceUsd.toFixed(5) };
        }
        if (this.config.awsSnsSenderId) {
            attributes['AWS.SNS.SMS.SenderID'] = { DataType: 'String', StringValue: this.config.awsSnsSenderId };
        }
        try {
            const out = await this.client.send(new client_sns_1.PublishCommand({ PhoneNumber: message.to, Message: message.body, MessageAttributes: attributes }), { abortSignal: signal });
            return { providerMessageId: out.MessageId, status: 'queued' };
        }
        catch (err) {
            throw (0, aws_sns_errors_1.classifySnsError)(err);
        }
    }
    destroy() {
        this.client?.destroy();
    }
};
exports.AwsSnsSmsProvider = AwsSnsSmsProvider;
exports.AwsSnsSmsProvider = AwsSnsSmsProvider = __decorate([
    (0, common_1.Injectable)(),
    __param(0, (0, common_1.Inject)(aws_sns_config_1.AWS_SNS_CONFIG)),
    __metadata("design:paramtypes", [Object])
], AwsSnsSmsProvider);
//# sourceMappingURL=aws-sns.provider.js.map