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
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.TwilioSignatureGuard = void 0;
const common_1 = require("@nestjs/common");
const http_request_1 = require("../common/http-request");
const twilio_1 = __importDefault(require("twilio"));
const mfa_error_1 = require("../common/mfa-error");
const twilio_config_1 = require("../sms/providers/twilio/twilio.config");
const webhook_urls_1 = require("./webhook-urls");
const WEBHOOK_PATHS = [webhook_urls_1.STATUS_CALLBACK_PATH, webhook_urls_1.INBOUND_PATH];
let TwilioSignatureGuard = class TwilioSignatureGuard {
    config;
    logger = new common_1.Logger('TwilioWebhooks');
    constructor(config) {
        this.config = config;
    }
    canActivate(context) {
        const request = context.switchToHttp().getRequest();
        const signature = (0, http_request_1.header)(request, 'x-twilio-signature');
        const { twilioAuthToken, publicBaseUrl } = this.config;
        if (!twilioAuthToken || !publicBaseUrl) {
            this.logger.warn('Twilio webhook refused: TWILIO_AUTH_TOKEN and PUBLIC_BASE_URL are needed to check signatures');
            throw new mfa_error_1.MfaError('FORBIDDEN', 'Webhook signatures cannot be checked: not configured.');
        }
        const target = request.originalUrl;
        const path = target.split('?')[0];
        if (!target.startsWith('/') || !WEBHOOK_PATHS.includes(path)) {
            throw new mfa_error_1.MfaError('FORBIDDEN', 'Invalid webhook request target.');
        }
        const params = typeof request.body === 'object' && request.body !== null ? request.body : {};
        const url = (0, webhook_urls_1.publicUrl)(this.config, target);
        if (!signature || !twilio_1.default.validateRequest(twilioAuthToken, signature, url, params)) {
            throw new mfa_error_1.MfaError('FORBIDDEN', 'Invalid webhook signature.');
        }
        return true;
    }
};
exports.TwilioSignatureGuard = TwilioSignatureGuard;
exports.TwilioSignatureGuard = TwilioSignatureGuard = __decorate([
    (0, common_1.Injectable)(),
    __param(0, (0, common_1.Inject)(twilio_config_1.TWILIO_CONFIG)),
    __metadata("design:paramtypes", [Object])
], TwilioSignatureGuard);
//# sourceMappingURL=twilio-signature.guard.js.map