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
exports.FraudEventsQuery = exports.CountryRuleDto = void 0;
const swagger_1 = require("@nestjs/swagger");
const class_transformer_1 = require("class-transformer");
const class_validator_1 = require("class-validator");
class CountryRuleDto {
    action;
    reason;
}
exports.CountryRuleDto = CountryRuleDto;
__decorate([
    (0, swagger_1.ApiProperty)({ enum: ['allow', 'block'] }),
    (0, class_validator_1.IsIn)(['allow', 'block']),
    __metadata("design:type", String)
], CountryRuleDto.prototype, "action", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ maxLength: 200 }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.MaxLength)(200),
    __metadata("design:type", String)
], CountryRuleDto.prototype, "reason", void 0);
class FraudEventsQuery {
    rule;
    country;
    from;
    to;
    before;
    limit;
}
exports.FraudEventsQuery = FraudEventsQuery;
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ example: 'prefix_velocity' }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.Matches)(/^[a-z_]{1,40}$/, { message: 'rule must be a rule name' }),
    __metadata("design:type", String)
], FraudEventsQuery.prototype, "rule", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ example: 'SO' }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.Matches)(/^[A-Za-z]{2}$/, { message: 'country must be an ISO 3166-1 alpha-2 code' }),
    __metadata("design:type", String)
], FraudEventsQuery.prototype, "country", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ description: 'ISO 8601, inclusive' }),
    (0, class_validator_1.IsOptional)(),
    (0, class_transformer_1.Type)(() => Date),
    (0, class_validator_1.IsDate)(),
    __metadata("design:type", Date)
], FraudEventsQuery.prototype, "from", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ description: 'ISO 8601, exclusive' }),
    (0, class_validator_1.IsOptional)(),
    (0, class_transformer_1.Type)(() => Date),
    (0, class_validator_1.IsDate)(),
    __metadata("design:type", Date)
], FraudEventsQuery.prototype, "to", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ description: 'Continue after this event id (from nextBefore)' }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.Matches)(/^\d{1,18}$/, { message: 'before must be an event id' }),
    __metadata("design:type", String)
], FraudEventsQuery.prototype, "before", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ default: 50, minimum: 1, maximum: 500 }),
    (0, class_validator_1.IsOptional)(),
    (0, class_transformer_1.Type)(() => Number),
    (0, class_validator_1.IsInt)(),
    (0, class_validator_1.Min)(1),
    (0, class_validator_1.Max)(500),
    __metadata("design:type", Number)
], FraudEventsQuery.prototype, "limit", void 0);
//# sourceMappingURL=dto.js.map