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
exports.SendReaper = void 0;
const common_1 = require("@nestjs/common");
const ops_config_1 = require("./ops.config");
const job_scheduler_1 = require("./job-scheduler");
const send_log_repository_1 = require("../sms/send-log.repository");
const MARGIN_SECONDS = 30;
let SendReaper = class SendReaper {
    sendLog;
    config;
    jobs;
    logger = new common_1.Logger('SendReaper');
    constructor(sendLog, config, jobs) {
        this.sendLog = sendLog;
        this.config = config;
        this.jobs = jobs;
    }
    onModuleInit() {
        this.jobs.every('mfa-send-reaper', this.config.alertIntervalSeconds * 1000, this.logger, () => this.run());
    }
    get deadlineSeconds() {
        const providers = Object.keys(this.config.providers).length;
        return Math.ceil((this.config.providerTimeoutMs * providers) / 1000) + MARGIN_SECONDS;
    }
    async run() {
        const reaped = await this.sendLog.reapStale(this.deadlineSeconds);
        if (reaped)
            this.logger.error(`${reaped} send attempts were still 'sending' past the provider deadline: marked unknown`);
        return reaped;
    }
};
exports.SendReaper = SendReaper;
exports.SendReaper = SendReaper = __decorate([
    (0, common_1.Injectable)(),
    __param(1, (0, common_1.Inject)(ops_config_1.OPS_CONFIG)),
    __metadata("design:paramtypes", [send_log_repository_1.SendLogRepository, Object, job_scheduler_1.JobScheduler])
], SendReaper);
//# sourceMappingURL=send-reaper.service.js.map