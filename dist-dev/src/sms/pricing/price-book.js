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
exports.PriceBook = void 0;
exports.parsePriceTable = parsePriceTable;
const node_fs_1 = require("node:fs");
const common_1 = require("@nestjs/common");
const mfa_config_1 = require("../../config/mfa-config");
const sms_config_1 = require("../sms.config");
const default_prices_1 = require("./default-prices");
function parsePriceTable(raw, source) {
    let table;
    try {
        table = JSON.parse(raw);
    }
    catch {
        throw new mfa_config_1.ConfigError([`SMS_PRICE_TABLE_FILE must be JSON (${source} is not)`]);
    }
    const ok = typeof table === 'object' &&
        table !== null &&
        !Array.isArray(table) &&
        Object.entries(table).every(([key, prices]) => (key === 'default' || /^[A-Z]{2}$/.test(key)) &&
            typeof prices === 'object' &&
            prices !== null &&
            Object.entries(prices).every(([p, v]) => /^[A-Z][A-Z0-9_]*$/.test(p) && typeof v === 'number' && v >= 0 && v < 100));
    if (!ok) {
        throw new mfa_config_1.ConfigError([
            'SMS_PRICE_TABLE_FILE must map "default" or ISO countries to { PROVIDER: US dollars per segment }',
        ]);
    }
    return table;
}
let PriceBook = class PriceBook {
    table;
    fallback;
    constructor(config) {
        this.table = config.priceTableFile
            ? parsePriceTable((0, node_fs_1.readFileSync)(config.priceTableFile, 'utf8'), config.priceTableFile)
            : default_prices_1.DEFAULT_PRICE_TABLE;
        this.fallback = Math.max(0, ...Object.values(this.table.default ?? {}));
    }
    price(provider, country) {
        const listed = country ? this.table[country]?.[provider] : undefined;
        return listed ?? this.table.default?.[provider] ?? this.fallback;
    }
    lists(country) {
        return !!country && country in this.table;
    }
    estimate(provider, country, segments) {
        return round(this.price(provider, country) * segments);
    }
    worstCase(providers, country, segments) {
        return round(Math.max(0, ...providers.map((p) => this.price(p, country))) * segments);
    }
};
exports.PriceBook = PriceBook;
exports.PriceBook = PriceBook = __decorate([
    (0, common_1.Injectable)(),
    __param(0, (0, common_1.Inject)(sms_config_1.SMS_CONFIG)),
    __metadata("design:paramtypes", [Object])
], PriceBook);
const round = (usd) => Math.round(usd * 1e6) / 1e6;
//# sourceMappingURL=price-book.js.map