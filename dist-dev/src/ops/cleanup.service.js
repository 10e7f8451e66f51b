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
exports.CleanupService = void 0;
const common_1 = require("@nestjs/common");
const clock_1 = require("../common/clock");
const ops_config_1 = require("./ops.config");
const job_scheduler_1 = require("./job-scheduler");
const exclusive_job_1 = require("../database/exclusive-job");
const assurance_repository_1 = require("../assurance/assurance.repository");
const challenges_repository_1 = require("../challenges/challenges.repository");
const mfa_db_1 = require("../database/mfa-db");
const fraud_events_repository_1 = require("../fraud/fraud-events.repository");
const send_counters_repository_1 = require("../rate-limit/send-counters.repository");
const send_log_repository_1 = require("../sms/send-log.repository");
const FRAUD_WINDOW_MS = (24 * 60 + 10) * 60_000;
const CLEANUP_LOCK = 734_114_002;
let CleanupService = class CleanupService {
    db;
    sendLog;
    challenges;
    fraudEvents;
    counters;
    assurance;
    config;
    clock;
    jobs;
    logger = new common_1.Logger('Cleanup');
    constructor(db, sendLog, challenges, fraudEvents, counters, assurance, config, clock, jobs) {
        this.db = db;
        this.sendLog = sendLog;
        this.challenges = challenges;
        this.fraudEvents = fraudEvents;
        this.counters = counters;
        this.assurance = assurance;
        this.config = config;
        this.clock = clock;
        this.jobs = jobs;
    }
    onModuleInit() {
        this.jobs.every('mfa-cleanup', this.config.cleanupIntervalMinutes * 60_000, this.logger, () => this.run());
    }
    async run() {
        const report = await (0, exclusive_job_1.runExclusive)(this.db, CLEANUP_LOCK, () => this.sweep());
        if (!report) {
            this.logger.log('cleanup skipped: another instance is running it');
            return undefined;
        }
        this.logger.log(`cleanup removed ${report.challenges} challenges, ${report.sendLog} send-log rows, ` +
            `${report.fraudEvents} fraud events, ${report.counters} idle counters, ${report.sessions} lapsed sessions ` +
            `in ${report.batches} batches`);
        return report;
    }
    async sweep() {
        const now = this.clock.now();
        const day = 86_400_000;
        const limit = this.config.cleanupBatchSize;
        const report = { challenges: 0, sendLog: 0, fraudEvents: 0, counters: 0, sessions: 0, batches: 0 };
        const inBatches = async (purge) => {
            let total = 0;
            for (;;) {
                const removed = await purge(limit);
                report.batches += 1;
                total += removed;
                if (removed < limit)
                    return total;
            }
        };
        const at = (ms) => new Date(now.getTime() - ms);
        report.sendLog = await inBatches((n) => this.sendLog.purgeBefore(at(this.config.sendLogRetentionDays * day), n));
        const graceMs = Math.max(this.config.challengeGraceHours * 3_600_000, FRAUD_WINDOW_MS);
        report.challenges = await inBatches((n) => this.challenges.purgeFinishedBefore(at(graceMs), n));
        report.fraudEvents = await inBatches((n) => this.fraudEvents.purgeBefore(at(this.config.fraudEventRetentionDays * day), n));
        report.counters = await inBatches((n) => this.counters.purgeIdleBefore(at(day), n));
        report.sessions = await inBatches((n) => this.assurance.purgeBefore(now, n));
        return report;
    }
};
exports.CleanupService = CleanupService;
exports.CleanupService = CleanupService = __decorate([
    (0, common_1.Injectable)(),
    __param(6, (0, common_1.Inject)(ops_config_1.OPS_CONFIG)),
    __param(7, (0, common_1.Inject)(clock_1.Clock)),
    __metadata("design:paramtypes", [mfa_db_1.MfaDb,
        send_log_repository_1.SendLogRepository,
        challenges_repository_1.ChallengesRepository,
        fraud_events_repository_1.FraudEventsRepository,
        send_counters_repository_1.SendCountersRepository,
        assurance_repository_1.AssuranceRepository, Object, Object, job_scheduler_1.JobScheduler])
], CleanupService);
//# sourceMappingURL=cleanup.service.js.map