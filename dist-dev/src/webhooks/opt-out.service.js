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
exports.OptOutService = void 0;
const common_1 = require("@nestjs/common");
const clock_1 = require("../common/clock");
const sms_config_1 = require("../sms/sms.config");
const mask_1 = require("../phone/mask");
const opt_outs_repository_1 = require("../sms/opt-outs.repository");
const STOP = new Set(['STOP', 'STOPALL', 'UNSUBSCRIBE', 'CANCEL', 'END', 'QUIT', 'OPTOUT', 'REVOKE']);
const START = new Set(['START', 'UNSTOP', 'YES', 'OPTIN']);
const HELP = new Set(['HELP', 'INFO']);
let OptOutService = class OptOutService {
    optOuts;
    config;
    clock;
    logger = new common_1.Logger('OptOuts');
    constructor(optOuts, config, clock) {
        this.optOuts = optOuts;
        this.config = config;
        this.clock = clock;
    }
    async handleInbound(provider, from, body) {
        if (!from || !/^\+[1-9]\d{4,14}$/.test(from))
            return undefined;
        const keyword = (body ?? '')
            .trim()
            .split(/\s+/)[0]
            ?.toUpperCase()
            .replace(/[^A-Z]/g, '') ?? '';
        const app = this.config.appName;
        if (STOP.has(keyword)) {
            await this.optOuts.optOut(from, keyword, provider, this.clock.now());
            this.logger.log(`opt-out (${keyword}) from ${(0, mask_1.maskPhone)(from)}`);
            return `${app}: you will not receive more messages. Reply START to opt back in.`;
        }
        if (START.has(keyword)) {
            await this.optOuts.optIn(from);
            this.logger.log(`opt-in (${keyword}) from ${(0, mask_1.maskPhone)(from)}`);
            return `${app}: you will receive verification codes again. Reply STOP to opt out.`;
        }
        if (HELP.has(keyword)) {
            return `${app}: this number sends sign-in verification codes only. Reply STOP to opt out, START to opt in.`;
        }
        return undefined;
    }
};
exports.OptOutService = OptOutService;
exports.OptOutService = OptOutService = __decorate([
    (0, common_1.Injectable)(),
    __param(1, (0, common_1.Inject)(sms_config_1.SMS_CONFIG)),
    __param(2, (0, common_1.Inject)(clock_1.Clock)),
    __metadata("design:paramtypes", [opt_outs_repository_1.OptOutsRepository, Object, Object])
], OptOutService);
//# sourceMappingURL=opt-out.service.js.map