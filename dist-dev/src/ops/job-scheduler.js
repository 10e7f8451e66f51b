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
exports.JobScheduler = exports.MFA_JOBS = void 0;
const common_1 = require("@nestjs/common");
const error_summary_1 = require("../common/error-summary");
const schedule_1 = require("@nestjs/schedule");
exports.MFA_JOBS = Symbol('MFA_JOBS');
let JobScheduler = class JobScheduler {
    enabled;
    registry;
    constructor(enabled, registry) {
        this.enabled = enabled;
        this.registry = registry;
    }
    every(name, ms, logger, job) {
        if (!this.enabled || !ms || !this.registry)
            return;
        const timer = setInterval(() => void job().catch((err) => logger.error(`${name} failed: ${(0, error_summary_1.errorSummary)(err)}`)), ms);
        timer.unref();
        this.registry.addInterval(name, timer);
    }
};
exports.JobScheduler = JobScheduler;
exports.JobScheduler = JobScheduler = __decorate([
    (0, common_1.Injectable)(),
    __param(0, (0, common_1.Inject)(exports.MFA_JOBS)),
    __param(1, (0, common_1.Optional)()),
    __metadata("design:paramtypes", [Boolean, schedule_1.SchedulerRegistry])
], JobScheduler);
//# sourceMappingURL=job-scheduler.js.map