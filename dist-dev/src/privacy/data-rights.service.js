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
Object.defineProperty(exports, "__esModule", { value: true });
exports.DataRightsService = void 0;
const common_1 = require("@nestjs/common");
const assurance_repository_1 = require("../assurance/assurance.repository");
const challenges_repository_1 = require("../challenges/challenges.repository");
const mfa_db_1 = require("../database/mfa-db");
const fraud_events_repository_1 = require("../fraud/fraud-events.repository");
const recovery_codes_repository_1 = require("../mfa/recovery/recovery-codes.repository");
const sms_factors_repository_1 = require("../mfa/sms/sms-factors.repository");
const totp_factors_repository_1 = require("../mfa/totp/totp-factors.repository");
const failure_runs_repository_1 = require("../rate-limit/failure-runs.repository");
const send_counters_repository_1 = require("../rate-limit/send-counters.repository");
const send_log_repository_1 = require("../sms/send-log.repository");
let DataRightsService = class DataRightsService {
    db;
    smsFactors;
    totpFactors;
    recoveryCodes;
    challenges;
    sendLog;
    fraudEvents;
    failureRuns;
    counters;
    assurance;
    constructor(db, smsFactors, totpFactors, recoveryCodes, challenges, sendLog, fraudEvents, failureRuns, counters, assurance) {
        this.db = db;
        this.smsFactors = smsFactors;
        this.totpFactors = totpFactors;
        this.recoveryCodes = recoveryCodes;
        this.challenges = challenges;
        this.sendLog = sendLog;
        this.fraudEvents = fraudEvents;
        this.failureRuns = failureRuns;
        this.counters = counters;
        this.assurance = assurance;
    }
    async export(userId) {
        const [smsFactors, totpFactors, challenges, sendLog, fraudEvents, verificationLockouts, sessions, recoveryCodes] = await Promise.all([
            this.smsFactors.exportFor(userId),
            this.totpFactors.exportFor(userId),
            this.challenges.exportFor(userId),
            this.sendLog.exportFor(userId),
            this.fraudEvents.exportFor(userId),
            this.failureRuns.exportFor(userId),
            this.assurance.exportFor(userId),
            this.recoveryCodes.exportFor(userId),
        ]);
        return { userId, smsFactors, totpFactors, challenges, sendLog, fraudEvents, verificationLockouts, sessions, recoveryCodes };
    }
    async erase(userId) {
        return this.db.transaction(async (query) => {
            const numbers = [...new Set([...(await this.challenges.numbersFor(userId, query)), ...(await this.smsFactors.numbersFor(userId, query))])];
            const report = {
                sendLogAnonymised: await this.sendLog.eraseFor(userId, query),
                fraudEventsAnonymised: await this.fraudEvents.eraseFor(userId, query),
                challenges: await this.challenges.eraseFor(userId, query),
                smsFactors: await this.smsFactors.eraseFor(userId, query),
                totpFactors: await this.totpFactors.eraseFor(userId, query),
                sessions: await this.assurance.eraseFor(userId, query),
                recoveryCodes: await this.recoveryCodes.eraseFor(userId, query),
            };
            await this.failureRuns.eraseFor(userId, query);
            await this.counters.eraseFor(userId, numbers, query);
            return report;
        });
    }
};
exports.DataRightsService = DataRightsService;
exports.DataRightsService = DataRightsService = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [mfa_db_1.MfaDb,
        sms_factors_repository_1.SmsFactorsRepository,
        totp_factors_repository_1.TotpFactorsRepository,
        recovery_codes_repository_1.RecoveryCodesRepository,
        challenges_repository_1.ChallengesRepository,
        send_log_repository_1.SendLogRepository,
        fraud_events_repository_1.FraudEventsRepository,
        failure_runs_repository_1.FailureRunsRepository,
        send_counters_repository_1.SendCountersRepository,
        assurance_repository_1.AssuranceRepository])
], DataRightsService);
//# sourceMappingURL=data-rights.service.js.map