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
exports.MockSmsProvider = void 0;
const node_crypto_1 = require("node:crypto");
const common_1 = require("@nestjs/common");
const sms_config_1 = require("../../sms.config");
const mask_1 = require("../../../phone/mask");
const sms_provider_1 = require("../sms-provider");
const OUTBOX_SIZE = 1000;
const LATEST_NUMBERS = 10_000;
let MockSmsProvider = class MockSmsProvider {
    name = 'MOCK';
    enabled;
    channels = sms_provider_1.CHANNELS;
    logger = new common_1.Logger('MockSmsOutbox');
    outbox = [];
    latest = new Map();
    constructor(config) {
        this.enabled = config.mockSmsEnabled && !config.production;
    }
    async send(message) {
        const entry = { channel: message.channel, to: message.to, body: message.body, reference: message.reference, sentAt: new Date() };
        this.outbox.push(entry);
        if (this.outbox.length > OUTBOX_SIZE)
            this.outbox.shift();
        this.latest.delete(message.to);
        this.latest.set(message.to, entry);
        if (this.latest.size > LATEST_NUMBERS)
            this.latest.delete(this.latest.keys().next().value);
        this.logger.log(`${message.channel === 'voice' ? 'call script' : `${message.channel} message`} to ${(0, mask_1.maskPhone)(message.to)}: ${message.body}`);
        return { providerMessageId: `mock-${(0, node_crypto_1.randomUUID)()}`, status: 'delivered', segments: 1 };
    }
    messagesTo(e164) {
        return this.outbox.filter((m) => m.to === e164);
    }
    lastMessageTo(e164) {
        return this.latest.get(e164);
    }
    get sent() {
        return this.outbox;
    }
};
exports.MockSmsProvider = MockSmsProvider;
exports.MockSmsProvider = MockSmsProvider = __decorate([
    (0, common_1.Injectable)(),
    __param(0, (0, common_1.Inject)(sms_config_1.SMS_CONFIG)),
    __metadata("design:paramtypes", [Object])
], MockSmsProvider);
//# sourceMappingURL=mock-sms.provider.js.map