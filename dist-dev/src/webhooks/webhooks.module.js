"use strict";
var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.WebhooksModule = void 0;
const common_1 = require("@nestjs/common");
const metrics_module_1 = require("../metrics/metrics.module");
const sms_module_1 = require("../sms/sms.module");
const delivery_service_1 = require("./delivery.service");
const opt_out_service_1 = require("./opt-out.service");
const twilio_signature_guard_1 = require("./twilio-signature.guard");
const twilio_webhooks_controller_1 = require("./twilio-webhooks.controller");
const mfa_config_1 = require("../config/mfa-config");
const aws_events_config_1 = require("./aws/aws-events.config");
const aws_webhooks_controller_1 = require("./aws/aws-webhooks.controller");
const sns_events_service_1 = require("./aws/sns-events.service");
let WebhooksModule = class WebhooksModule {
};
exports.WebhooksModule = WebhooksModule;
exports.WebhooksModule = WebhooksModule = __decorate([
    (0, common_1.Module)({
        imports: [sms_module_1.SmsModule, metrics_module_1.MetricsModule],
        providers: [
            (0, mfa_config_1.configSlice)(aws_events_config_1.AWS_EVENTS_CONFIG, aws_events_config_1.AWS_EVENTS_CONFIG_KEYS),
            delivery_service_1.DeliveryService,
            opt_out_service_1.OptOutService,
            twilio_signature_guard_1.TwilioSignatureGuard,
            sns_events_service_1.SnsEventsService,
        ],
        controllers: [twilio_webhooks_controller_1.TwilioWebhooksController, aws_webhooks_controller_1.AwsWebhooksController],
    })
], WebhooksModule);
//# sourceMappingURL=webhooks.module.js.map