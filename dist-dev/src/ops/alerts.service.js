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
exports.AlertsService = exports.MFA_ALERT_EVENT = void 0;
const common_1 = require("@nestjs/common");
const event_emitter_1 = require("@nestjs/event-emitter");
const clock_1 = require("../common/clock");
const ops_config_1 = require("./ops.config");
const job_scheduler_1 = require("./job-scheduler");
const exclusive_job_1 = require("../database/exclusive-job");
const mfa_db_1 = require("../database/mfa-db");
const fraud_events_repository_1 = require("../fraud/fraud-events.repository");
const spend_repository_1 = require("../sms/pricing/spend.repository");
const send_log_repository_1 = require("../sms/send-log.repository");
const alerts_repository_1 = require("./alerts.repository");
const mfa_metrics_1 = require("../metrics/mfa-metrics");
const spend_guard_1 = require("../sms/pricing/spend-guard");
const sms_sender_service_1 = require("../sms/sms-sender.service");
const alert_rules_1 = require("./alert-rules");
const ALERTS_LOCK = 734_114_003;
exports.MFA_ALERT_EVENT = 'mfa.alert';
let AlertsService = class AlertsService {
    db;
    alerts;
    sendLog;
    fraudEvents;
    spend;
    sender;
    metrics;
    emitter;
    config;
    clock;
    jobs;
    logger = new common_1.Logger('Alerts');
    refusals = [];
    constructor(db, alerts, sendLog, fraudEvents, spend, sender, metrics, emitter, config, clock, jobs) {
        this.db = db;
        this.alerts = alerts;
        this.sendLog = sendLog;
        this.fraudEvents = fraudEvents;
        this.spend = spend;
        this.sender = sender;
        this.metrics = metrics;
        this.emitter = emitter;
        this.config = config;
        this.clock = clock;
        this.jobs = jobs;
    }
    onModuleInit() {
        this.jobs.every('mfa-alerts', this.config.alertIntervalSeconds * 1000, this.logger, () => this.evaluate());
    }
    evaluate() {
        return (0, exclusive_job_1.runExclusive)(this.db, ALERTS_LOCK, async () => {
            const now = this.clock.now();
            const conditions = (0, alert_rules_1.evaluateAlerts)(await this.signals(now), this.config);
            return this.transitions(conditions, now);
        });
    }
    async signals(now) {
        const since = new Date(now.getTime() - this.config.alertWindowMinutes * 60_000);
        const [attempts, fraudTriggers, deliveryP95, stuckSends, spent] = await Promise.all([
            this.sendLog.attemptsSince(since),
            this.fraudEvents.countSince(since),
            this.sendLog.deliveryP95Since(since),
            this.sendLog.reapedWithin(this.config.alertWindowMinutes),
            this.spend.read((0, spend_guard_1.utcDay)(now)),
        ]);
        return {
            attempts,
            fraudTriggers,
            deliveryP95,
            stuckSends,
            spend: spent.flatMap(({ scope, spentUsd }) => {
                const cap = scope === spend_guard_1.ALL_DESTINATIONS ? this.config.dailySpendLimitUsd : this.config.countryDailySpendLimitUsd;
                return cap === undefined ? [] : [{ scope, spentUsd, capUsd: cap }];
            }),
            openCircuits: this.sender
                .providerStates()
                .filter((p) => p.circuit === 'open')
                .map((p) => p.name),
            rateLimited: await this.refusalsInWindow(now),
        };
    }
    async refusalsInWindow(now) {
        const metric = await this.metrics.rateLimitedTotal.get();
        const total = metric.values.reduce((sum, v) => sum + v.value, 0);
        const edge = now.getTime() - this.config.alertWindowMinutes * 60_000;
        while (this.refusals.length > 1 && this.refusals[1].at <= edge)
            this.refusals.shift();
        this.refusals.push({ at: now.getTime(), total });
        const base = this.refusals[0].at <= edge ? this.refusals[0].total : 0;
        return total - base;
    }
    async transitions(conditions, now) {
        const states = await this.alerts.states();
        const notices = [];
        for (const c of conditions) {
            const previous = states.get(c.key);
            if (Boolean(previous?.firing) === c.firing)
                continue;
            if (!previous && !c.firing)
                continue;
            await this.alerts.save(c.key, c.firing, c.value, now);
            const { firing: _firing, ...rest } = c;
            notices.push({
                ...rest,
                status: c.firing ? 'firing' : 'resolved',
                since: c.firing || !previous ? now : previous.since,
                at: now,
            });
        }
        for (const notice of notices)
            await this.notify(notice);
        return notices;
    }
    async notify(notice) {
        if (notice.status === 'firing')
            this.logger.error(`ALERT ${notice.rule} firing: ${notice.summary}`);
        else
            this.logger.warn(`ALERT ${notice.rule} resolved: ${notice.summary}`);
        this.emitter.emit(exports.MFA_ALERT_EVENT, notice);
        if (!this.config.alertWebhookUrl)
            return;
        try {
            const res = await fetch(this.config.alertWebhookUrl, {
                method: 'POST',
                headers: { 'content-type': 'application/json' },
                body: JSON.stringify(notice),
                signal: AbortSignal.timeout(5000),
            });
            if (!res.ok)
                this.logger.warn(`alert webhook answered ${res.status}`);
        }
        catch (err) {
            this.logger.warn(`alert webhook failed: ${err.message}`);
        }
    }
};
exports.AlertsService = AlertsService;
exports.AlertsService = AlertsService = __decorate([
    (0, common_1.Injectable)(),
    __param(8, (0, common_1.Inject)(ops_config_1.OPS_CONFIG)),
    __param(9, (0, common_1.Inject)(clock_1.Clock)),
    __metadata("design:paramtypes", [mfa_db_1.MfaDb,
        alerts_repository_1.AlertsRepository,
        send_log_repository_1.SendLogRepository,
        fraud_events_repository_1.FraudEventsRepository,
        spend_repository_1.SpendRepository,
        sms_sender_service_1.SmsSender,
        mfa_metrics_1.MfaMetrics,
        event_emitter_1.EventEmitter2, Object, Object, job_scheduler_1.JobScheduler])
], AlertsService);
//# sourceMappingURL=alerts.service.js.map