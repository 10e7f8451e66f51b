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
exports.TwilioWebhooksController = void 0;
const common_1 = require("@nestjs/common");
const swagger_1 = require("@nestjs/swagger");
const twilio_1 = __importDefault(require("twilio"));
const mfa_exception_filter_1 = require("../common/mfa-exception.filter");
const delivery_service_1 = require("./delivery.service");
const opt_out_service_1 = require("./opt-out.service");
const twilio_signature_guard_1 = require("./twilio-signature.guard");
const public_route_1 = require("../common/public-route");
const TWILIO_STATUS = {
    accepted: 'queued',
    scheduled: 'queued',
    queued: 'queued',
    initiated: 'queued',
    sending: 'sent',
    sent: 'sent',
    ringing: 'sent',
    delivered: 'delivered',
    read: 'delivered',
    'in-progress': 'delivered',
    completed: 'delivered',
    undelivered: 'undelivered',
    busy: 'undelivered',
    'no-answer': 'undelivered',
    failed: 'failed',
    canceled: 'failed',
};
const UNREACHED = new Set(['30003', '30006']);
const field = (form, name) => typeof form[name] === 'string' ? form[name].slice(0, 1600) : undefined;
let TwilioWebhooksController = class TwilioWebhooksController {
    delivery;
    optOuts;
    constructor(delivery, optOuts) {
        this.delivery = delivery;
        this.optOuts = optOuts;
    }
    async status(form) {
        const sid = field(form, 'MessageSid') ?? field(form, 'SmsSid') ?? field(form, 'CallSid');
        const status = field(form, 'MessageStatus') ?? field(form, 'SmsStatus') ?? field(form, 'CallStatus');
        if (!sid || !status)
            return;
        const given = field(form, 'Price') ?? '';
        const price = /^-?\d+(\.\d+)?$/.test(given) ? Math.abs(Number(given)) : undefined;
        const usd = (field(form, 'PriceUnit') ?? '').toUpperCase() === 'USD' ? price : undefined;
        const errorCode = field(form, 'ErrorCode');
        const lower = status.toLowerCase();
        await this.delivery.report({
            provider: 'TWILIO',
            messageId: sid,
            status: Object.hasOwn(TWILIO_STATUS, lower) ? TWILIO_STATUS[lower] : undefined,
            errorCode,
            priceUsd: usd,
            unreached: errorCode !== undefined && UNREACHED.has(errorCode),
        });
    }
    async inbound(form) {
        const reply = await this.optOuts.handleInbound('TWILIO', field(form, 'From'), field(form, 'Body'));
        const twiml = new twilio_1.default.twiml.MessagingResponse();
        if (reply)
            twiml.message(reply);
        return twiml.toString();
    }
};
exports.TwilioWebhooksController = TwilioWebhooksController;
__decorate([
    (0, common_1.Post)('status'),
    (0, common_1.HttpCode)(204),
    __param(0, (0, common_1.Body)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object]),
    __metadata("design:returntype", Promise)
], TwilioWebhooksController.prototype, "status", null);
__decorate([
    (0, common_1.Post)('inbound'),
    (0, common_1.HttpCode)(200),
    (0, common_1.Header)('Content-Type', 'text/xml'),
    __param(0, (0, common_1.Body)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object]),
    __metadata("design:returntype", Promise)
], TwilioWebhooksController.prototype, "inbound", null);
exports.TwilioWebhooksController = TwilioWebhooksController = __decorate([
    (0, swagger_1.ApiExcludeController)(),
    (0, public_route_1.MfaPublicRoute)(),
    (0, common_1.UseGuards)(twilio_signature_guard_1.TwilioSignatureGuard),
    (0, common_1.UseFilters)(mfa_exception_filter_1.MfaExceptionFilter),
    (0, common_1.Controller)('mfa/webhooks/twilio'),
    __metadata("design:paramtypes", [delivery_service_1.DeliveryService,
        opt_out_service_1.OptOutService])
], TwilioWebhooksController);
//# sourceMappingURL=twilio-webhooks.controller.js.map