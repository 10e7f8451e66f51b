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
exports.AdminService = void 0;
const common_1 = require("@nestjs/common");
const clock_1 = require("../common/clock");
const mfa_error_1 = require("../common/mfa-error");
const fraud_events_repository_1 = require("../fraud/fraud-events.repository");
const country_rules_repository_1 = require("../phone/country-rules.repository");
const failure_runs_repository_1 = require("../rate-limit/failure-runs.repository");
let AdminService = class AdminService {
    countryRules;
    fraudEvents;
    failureRuns;
    clock;
    constructor(countryRules, fraudEvents, failureRuns, clock) {
        this.countryRules = countryRules;
        this.fraudEvents = fraudEvents;
        this.failureRuns = failureRuns;
        this.clock = clock;
    }
    listCountryRules() {
        return this.countryRules.list();
    }
    putCountryRule(country, action, reason, by) {
        return this.countryRules.put(country, action, reason, by, this.clock.now());
    }
    async deleteCountryRule(country, by) {
        if (!(await this.countryRules.delete(country, by, this.clock.now())))
            throw new mfa_error_1.MfaError('NOT_FOUND', 'No rule for this country.');
    }
    async listFraudEvents(query) {
        const items = await this.fraudEvents.list(query);
        return { items, nextBefore: items.length === query.limit ? items[items.length - 1].id : null };
    }
    resetLockouts(userId) {
        return this.failureRuns.reset(userId);
    }
};
exports.AdminService = AdminService;
exports.AdminService = AdminService = __decorate([
    (0, common_1.Injectable)(),
    __param(3, (0, common_1.Inject)(clock_1.Clock)),
    __metadata("design:paramtypes", [country_rules_repository_1.CountryRulesRepository,
        fraud_events_repository_1.FraudEventsRepository,
        failure_runs_repository_1.FailureRunsRepository, Object])
], AdminService);
//# sourceMappingURL=admin.service.js.map