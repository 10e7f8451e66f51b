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
exports.PhoneModule = exports.CountryRulesSeeder = void 0;
const common_1 = require("@nestjs/common");
const mfa_config_1 = require("../config/mfa-config");
const clock_1 = require("../common/clock");
const phone_config_1 = require("./phone.config");
const mfa_db_module_1 = require("../database/mfa-db.module");
const country_rules_repository_1 = require("./country-rules.repository");
let CountryRulesSeeder = class CountryRulesSeeder {
    rules;
    config;
    clock;
    constructor(rules, config, clock) {
        this.rules = rules;
        this.config = config;
        this.clock = clock;
    }
    async onApplicationBootstrap() {
        await this.rules.seed(this.config.allowedCountries, this.config.blockedCountries, this.clock.now());
    }
};
exports.CountryRulesSeeder = CountryRulesSeeder;
exports.CountryRulesSeeder = CountryRulesSeeder = __decorate([
    (0, common_1.Injectable)(),
    __param(1, (0, common_1.Inject)(phone_config_1.PHONE_CONFIG)),
    __param(2, (0, common_1.Inject)(clock_1.Clock)),
    __metadata("design:paramtypes", [country_rules_repository_1.CountryRulesRepository, Object, Object])
], CountryRulesSeeder);
let PhoneModule = class PhoneModule {
};
exports.PhoneModule = PhoneModule;
exports.PhoneModule = PhoneModule = __decorate([
    (0, common_1.Module)({
        imports: [mfa_db_module_1.MfaDbModule],
        providers: [(0, mfa_config_1.configSlice)(phone_config_1.PHONE_CONFIG, phone_config_1.PHONE_CONFIG_KEYS), country_rules_repository_1.CountryRulesRepository, CountryRulesSeeder],
        exports: [country_rules_repository_1.CountryRulesRepository],
    })
], PhoneModule);
//# sourceMappingURL=phone.module.js.map