"use strict";
var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.SmsModule = void 0;
const common_1 = require("@nestjs/common");
const mfa_config_1 = require("../config/mfa-config");
const mfa_config_module_1 = require("../config/mfa-config.module");
const aws_eum_config_1 = require("./providers/aws-eum/aws-eum.config");
const aws_eum_provider_1 = require("./providers/aws-eum/aws-eum.provider");
const aws_sns_config_1 = require("./providers/aws-sns/aws-sns.config");
const twilio_config_1 = require("./providers/twilio/twilio.config");
const sms_config_1 = require("./sms.config");
const challenges_module_1 = require("../challenges/challenges.module");
const mfa_events_1 = require("../common/mfa-events");
const mfa_db_module_1 = require("../database/mfa-db.module");
const fraud_module_1 = require("../fraud/fraud.module");
const metrics_module_1 = require("../metrics/metrics.module");
const aws_sns_provider_1 = require("./providers/aws-sns/aws-sns.provider");
const mock_sms_provider_1 = require("./providers/mock/mock-sms.provider");
const sms_provider_1 = require("./providers/sms-provider");
const twilio_provider_1 = require("./providers/twilio/twilio.provider");
const opt_outs_repository_1 = require("./opt-outs.repository");
const price_book_1 = require("./pricing/price-book");
const spend_guard_1 = require("./pricing/spend-guard");
const spend_repository_1 = require("./pricing/spend.repository");
const provider_budgets_1 = require("./provider-budgets");
const send_log_repository_1 = require("./send-log.repository");
const sms_events_1 = require("./sms-events");
const sms_code_dispatch_service_1 = require("./sms-code-dispatch.service");
const sms_sender_service_1 = require("./sms-sender.service");
const message_renderer_1 = require("./templates/message-renderer");
const phone_module_1 = require("../phone/phone.module");
const conversion_feedback_service_1 = require("./conversion-feedback.service");
const voice_fallback_service_1 = require("./voice-fallback.service");
let SmsModule = class SmsModule {
};
exports.SmsModule = SmsModule;
exports.SmsModule = SmsModule = __decorate([
    (0, common_1.Module)({
        imports: [mfa_db_module_1.MfaDbModule, metrics_module_1.MetricsModule, challenges_module_1.ChallengesModule, fraud_module_1.FraudModule, mfa_events_1.MfaEventsModule, phone_module_1.PhoneModule],
        providers: [
            (0, mfa_config_1.configSlice)(sms_config_1.SMS_CONFIG, sms_config_1.SMS_CONFIG_KEYS),
            (0, mfa_config_1.configSlice)(twilio_config_1.TWILIO_CONFIG, twilio_config_1.TWILIO_CONFIG_KEYS),
            (0, mfa_config_1.configSlice)(aws_sns_config_1.AWS_SNS_CONFIG, aws_sns_config_1.AWS_SNS_CONFIG_KEYS),
            (0, mfa_config_1.configSlice)(aws_eum_config_1.AWS_EUM_CONFIG, aws_eum_config_1.AWS_EUM_CONFIG_KEYS),
            twilio_provider_1.TwilioSmsProvider,
            aws_sns_provider_1.AwsSnsSmsProvider,
            aws_eum_provider_1.AwsEumProvider,
            mock_sms_provider_1.MockSmsProvider,
            {
                provide: sms_provider_1.SMS_PROVIDERS,
                inject: [twilio_provider_1.TwilioSmsProvider, aws_sns_provider_1.AwsSnsSmsProvider, aws_eum_provider_1.AwsEumProvider, mock_sms_provider_1.MockSmsProvider, mfa_config_module_1.HOST_SMS_PROVIDERS],
                useFactory: (twilio, sns, eum, mock, host) => [
                    twilio,
                    sns,
                    eum,
                    mock,
                    ...host,
                ],
            },
            send_log_repository_1.SendLogRepository,
            provider_budgets_1.ProviderBudgets,
            opt_outs_repository_1.OptOutsRepository,
            sms_events_1.SmsEvents,
            sms_sender_service_1.SmsSender,
            message_renderer_1.MessageRenderer,
            price_book_1.PriceBook,
            spend_repository_1.SpendRepository,
            spend_guard_1.SpendGuard,
            sms_code_dispatch_service_1.SmsCodeDispatch,
            voice_fallback_service_1.VoiceFallback,
            conversion_feedback_service_1.ConversionFeedback,
        ],
        exports: [
            voice_fallback_service_1.VoiceFallback,
            conversion_feedback_service_1.ConversionFeedback,
            sms_config_1.SMS_CONFIG,
            twilio_config_1.TWILIO_CONFIG,
            sms_code_dispatch_service_1.SmsCodeDispatch,
            sms_sender_service_1.SmsSender,
            message_renderer_1.MessageRenderer,
            mock_sms_provider_1.MockSmsProvider,
            opt_outs_repository_1.OptOutsRepository,
            send_log_repository_1.SendLogRepository,
            spend_guard_1.SpendGuard,
            spend_repository_1.SpendRepository,
            price_book_1.PriceBook,
        ],
    })
], SmsModule);
//# sourceMappingURL=sms.module.js.map