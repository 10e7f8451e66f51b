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
exports.AwsWebhooksController = void 0;
const common_1 = require("@nestjs/common");
const swagger_1 = require("@nestjs/swagger");
const mfa_exception_filter_1 = require("../../common/mfa-exception.filter");
const sns_events_service_1 = require("./sns-events.service");
const public_route_1 = require("../../common/public-route");
let AwsWebhooksController = class AwsWebhooksController {
    events;
    constructor(events) {
        this.events = events;
    }
    async receive(body) {
        await this.events.receive(body);
    }
};
exports.AwsWebhooksController = AwsWebhooksController;
__decorate([
    (0, common_1.Post)('events'),
    (0, common_1.HttpCode)(204),
    __param(0, (0, common_1.Body)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object]),
    __metadata("design:returntype", Promise)
], AwsWebhooksController.prototype, "receive", null);
exports.AwsWebhooksController = AwsWebhooksController = __decorate([
    (0, swagger_1.ApiExcludeController)(),
    (0, public_route_1.MfaPublicRoute)(),
    (0, common_1.UseFilters)(mfa_exception_filter_1.MfaExceptionFilter),
    (0, common_1.Controller)('mfa/webhooks/aws'),
    __metadata("design:paramtypes", [sns_events_service_1.SnsEventsService])
], AwsWebhooksController);
//# sourceMappingURL=aws-webhooks.controller.js.map